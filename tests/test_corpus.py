"""The real-plan corpus in tests/corpus/: every plan parsed and scored against its gold.

The gold was written blind, by a reader who had not seen the parser's output, and committed before
the first commit that scored it.  The scoring rules are the project's own copy (``corpus/score.py``).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from matrix import load_plan
from matrix.render.json import plan_dict

CORPUS = Path(__file__).parent / "corpus"
GOLD = sorted((CORPUS / "gold").glob("*.json"))

MIN_MICRO_F1 = 0.93
"""A guard against going back, below the issue's target of 0.97: the corpus read at 0.970 with 349
files; the 48 unseen files added blind on 2026-11-30 (1241–1387) first read at 0.20 to 1.00 a
batch, and the whole corpus read at 0.950 with them; the 34 files of the next six batches
(1401–1504) first read at about 0.50 a batch but the last (0.96), and the whole corpus reads at
0.919 with them (four plans over 25 tasks each, 1461, 1462, 1464 and 1482, read below 0.3); the
26 files of the seven batches of 2026-11-30/12-01 (1521–1626) first read at 0.38 to 0.90 a batch,
and the whole corpus of 457 files reads at 0.946 with them; the 15 files of the batches BX, BZ and CA
(1641–1707, 2026-12-01) first read at 0.71, 0.00 and 0.74, CB's seven (1721–1727) at 0.75, and the
whole corpus of 479 files read at 0.958 with them (the 457 files of before at 0.967); the 17 files of
the batches CC, CD and CF (1741–1786, 2026-12-01) first read at 0.09, 0.22 and 0.74 (plans written in
prose, most of them), and the whole corpus of 496 files read at 0.952 with them (the 479 files of
before at 0.963); CG's six (1801–1806) first read at 0.82, and the whole corpus of 502 files read at
0.954 with them; the 17 files of CH, CI, CJ and CK (1821–1885, 2026-12-01) first read at 0.68 (CH
and CI together), 0.66 and 0.25 (CK's two plans of 47 and 35 tasks: a table run together with no
separator, a page whose first section is numbered with a dash), and the whole corpus of 519 files
read at 0.949 with them (the 502 files of before at 0.957); the 34 files of the six batches CL, CM,
CN, CO, CP and CQ (1901–2006, 2026-12-01: Shanghai districts, towns and bureaus, Pingtan area
offices) first read at 0.82, 0.61, 0.81, 0.69, 0.62 and 0.39 (0.70 together: prose, tables
flattened one cell a line, duty lists), now at 0.78, and the whole corpus of 553 files reads at
0.934 with them (the 519 files of before at 0.954).  Issue 13 stays open until 0.97 holds."""
MIN_READ_FILES = 530
"""Plans that give at least one right triple; the rest are listed in the closing note of issue 13."""
MIN_FILE_F1 = 0.85
"""The floor each plan must reach, but for the plans named below."""
BELOW_FLOOR = {
    "242_yueyanglou_minshengshishi_2017_fanti_partial": "two rows under a merged cell: the shared item"
    " name, lengthened by pinyin glosses, pushes the row's own words past where the scorer looks",
    "323_jianli_kongqi_zhengzhi_2018_partial": "a table copied with single spaces between cells and"
    " inside them, no row numbers: exit 2, naming the header's line",
    "402_zhejiang_daqi_fengong_2014_partial": "the heading's 总牵头 body, which the gold also files as"
    " an 总牵头 role on the item below, is read only as the lead of items that name none",
    "425_sanming_xiangcunyiliao_2024_partial": "a PDF table copied onto one line with spaces inside"
    " words and names (健全乡 村医疗卫 生服务, 发改 委): its rows are not found",
    "465_xianning_zhengcecuoshi_fengong_2020_partial": "a row of a table flattened inside a gazette"
    " page, whose first cell the stored page lost, is not found",
    "542_chengdu_lajifenlei_undated_partial": "a table run together by a document viewer, whose page"
    " marks (2、) cut a name in two (市 / 2、住建局): three rows of four are not found",
    "543_zhonglou_lajifenlei_2023_partial": "a table run together by a document viewer, its one row"
    " ending in a remark and a deadline (…等按职责分工负责全年): no row is found, exit 2",
    "562_changsha_mubiaorenwu_2012_partial": "a table copied one cell a line with its lead column first"
    " and the lead's name broken over three lines (市政 / 府办 / 公厅): exit 2, naming the lines",
    "661_qingyang_weijian_zerenqingdan_2023_partial": "a table copied with spaces between its cells and"
    " header words split over two rows (牵头 领导 牵头 责任单位 主体 责任单位): exit 2, naming the lines",
    "662_guizhou_shuzhi_gongzuoyaodian_2026_partial": "a group the gold keeps whole"
    " (各市〔州〕、贵安新区数据管理部门) is read as two bodies",
    "686_panjin_zhaoshangyinzi_2009_partial": "duties written as prose, read as such, but for a quota"
    " given to two bodies (外经贸局、建委引进外资各1亿美元), one of two tasks",
    "764_jiayuguan_zhengzhi_gongzuozu_undated_partial": "working groups whose rosters (由…主任刘鹏任组长)"
    " and prose duties stand under their last sub-item (②…), so the sub-items, not the groups, become"
    " the tasks",
    "901_fengyang_cuncunguagou_partial": "a group the gold splits (各试点乡镇、街道) is one addressee"
    " as earlier golds keep 各乡镇人民政府、街道办事处; one task, so one name weighs a third",
    "902_xxzhen_zhenqu_bairigongjian_2023_partial": "a document-sharing copy whose page marks (2、)"
    " cut a task mid-word and whose spaces split names (派出 所, 牵 头单位)",
    "903_xxjiedao_chuangwen_liudazhuanxiang_2020_partial": "a document-sharing copy that runs a"
    " group's heading, its leaders (组长:XX) and its first item into one line",
    "904_hexijiedao_huanjingzhengdun_partial": "a copy that lost its punctuation: of the labels run into"
    " the text with no colon, two name groups no ending gives away (驻辖区单位, 物业管理小区): not read",
    "905_xxzhen_chuangwen_2021_partial": "a task whose assignment the copy elided (…………), and a group"
    " the gold splits (各村、社区)",
    "906_qu_xiaofeiredian_partial": "sentences naming a shopping centre among the bodies (由区商贸旅游局、"
    "长延堡街办、华东服装城共同组织实施): no ending gives 华东服装城 away as a body, so the list is prose",
    "1122_shi_weiminbanshishi_undated_partial": "a continuation page of a table flattened onto one line,"
    " single spaces between cells and inside header words (具体工作标准 及预期效果): exit 2",
    "1144_qu_jiansheju_chuangwen_zhengzhi_undated_partial": "a document-sharing template run onto one"
    " line, its items (一)(二) glued to unnumbered headings and labels glued to leaders' titles"
    " (阮斌副局长责任部门:): one task of five is found",
    "1162_taiyuan_shouzukou_gongzuozu_undated_partial": "working groups whose gold starts copy the"
    " 组长: lines, which the parser reads as each group's people, not its text; the office's duties"
    " (设在市卫生局,主任由…担任) are prose it does not read",
    "1165_yunyang_huanbao_wudaxingdong_2013_partial": "a leading group and its office given duties in"
    " traditional-script prose (領導小組負責…, …牽頭負責), its leaders named by post only",
    "1166_binzhou_jiankangshandong_baozhang_undated_partial": "a 保障措施 paragraph charging every level of"
    " government and zones that share one 管委会 (滨州经济开发区、高新区、北海新区管委会): exit 2",
    "1167_huize_kangzhenjiuzai_qunzhonganzhi_2014_partial": "a chronicle's page wrapped mid-sentence, its"
    " duties spread over lines and named by kind (…等各救援力量负责…, 工信、粮食部门负责…)",
    "1168_shi_jieneng_fengong_undated_partial": "bodies named by their function in a shared list"
    " (市科技、财政、统计…等部门按照职责,协同做好…) and a sentence that leads with 在市政府的领导下",
    "1169_datong_jialiu_yingjiyuan_2009_partial": "duties whose body and verb a comma divides"
    " (县经济局在…期间,负责…), a helper written before the body helped (县交通局协助卫生行政部门…) and a"
    " group's own mechanism paragraph",
    "1201_guangdong_weijianwei_zhengwugongkai_taizhang_2021_partial": "a bar table whose task cell spans"
    " rows: a row whose long time cell (2021年2月公布预算信息,…) reads as text is not laid, and"
    " 宣传处会办公室 (会办: works with) is read as one name",
    "1204_taishan_wenguanglvti_zhengwugongkai_2021_partial": "helpers the gold keeps as groups"
    " (其他股室及属下单位, where 其他股室 names no one here) and rows whose body cell the row above"
    " shares, which the text copy prints once",
    "1249_pingtan_jinshi_fangkong_2021_partial": "a duty section whose fifth body's item holds"
    " numbered duties 1.–5., which the gold takes as one task and the parser as five",
    "1261_pingli_shirong_tongbao_2015": "one measures line giving each of an item's two problems its"
    " own body (1)由A负责…;(2)由B负责…), which the gold splits into two tasks",
    "1282_shi_yuanlinchengshi_2010_partial": "a two-row table flattened with bars, its row number"
    " inside the standard cell and two leads in one cell: one of two rows is found",
    "1383_pingtan_huanguoju_zhengwugongkai_2016": "a bureau's 办公室, which the gold files under the"
    " fuller name the plan writes elsewhere (局办公室), and items inside a 工作要求 section",
    "1384_pingtan_nongfaju_zhengwugongkai_fenjie_2016_partial": "a four-column table run together"
    " on one line with two lead columns (the zone's and the bureau's own): where a row lost the bureau's"
    " cell the zone's column leads it, which the gold keeps as another role, and 各处、单位 is one group",
    "1421_longquanyi_zhongdaxiangmu_2009_partial": "a table run together with no separators whose rows"
    " hold figures, an owner company and two leaders glued (王天刚郭代辉), and no sentence end before"
    " its units: no row is found",
    "1423_xinjianqu_minshengshishi_jindu_2024_partial": "a bordered one-cell-a-line progress table whose"
    " lead column is merged over each section and whose rows are sub-items ((一)…, 1.…) with an owner"
    " column: one task of ten is found",
    "1426_zhengzhou_shidashishi_fenjie_2012_fanti_partial": "a newspaper's relay: its opening paragraphs"
    " run into the first item's text, so that item's start is not the gold's (its labels, in traditional"
    " script with pinyin inside them, are read)",
    "1465_hongkou_jianzhulaji_2022": "duty sections for bodies no ending gives away (物业服务企业,"
    " 拆除施工单位, 区中标的道路运输单位) and a paragraph the gold cuts at each body's sentence",
    "1470_pingtan_anquanshengchan_chengxin_2015": "a paragraph of duty sentences naming each body with"
    " its function in brackets (区经济发展局(经信)负责…。区经济发展局(商务)…), which the gold files as"
    " bodies of their own and cuts into a task a sentence",
    "1522_guangdong_buxing_xiangcunzhenxing_2022_partial": "a ministry's divisions written bare after it"
    " (农业农村部…种植业管理司), which the gold files under the ministry's name, and a 市人民政府 read"
    " from a default sentence",
    "1581_fujian_wenhuating_fengong_2017_partial": "a group written with angle brackets (各处〈室、局〉),"
    " which the gold keeps as written and the reader files with round ones; one task of four",
    "1646_pingtan_huanweisheshi_liangnian_2015": "each body's duties set out after a colon are read,"
    " but the gold also counts sentences naming bodies in 五 and 六 (由X负责…, X(Y为业主单位)), which a"
    " plan with other formal duties leaves unread as prose",
    "1647_pingtan_laolouweilou_paicha_2015": "duties written as sentences in 任务分工 and in the stages"
    " (第一阶段…要…), and a head noun shared by a list (规划、安监…等行政主管部门) that the gold spreads"
    " to each",
    "1702_pingtan_jinjing_jitijingji_2020": "a duty section whose first and last items charge people"
    " by their posts (各工作片片长、包村工作队长…要…, 各村主干要…), which the gold files as persons",
    "1722_pingtan_zhaotoubiao_yingshanghuanjing_2019": "a responsible party described with 或"
    " (所属集团母公司或行政主管单位), which the gold cuts into three groups, and a paragraph's own"
    " bodies read beside the labelled 牵头单位 that the gold alone keeps",
    "1726_pingtan_qingjiao_huohuan_2013": "a list of duties by function whose 公安机关 entry names"
    " its two branches with 负责 (公安消防部门负责…;公安派出所负责…), which the gold makes the leads,"
    " and 二's headings (人员密集场所) read as bodies",
    "1727_chongming_jitijingyingxing_rushi_2023": "working bodies set up by the plan (区试点工作领导"
    " 小组, 试点工作推进专班) whose names the reader shortens, and procedure items naming a bureau in"
    " a sentence (由区规划资源局…) that the gold counts and the reader does not",
    "1682_xian_xiangmu_gongjianyue_undated_partial": "the project is now the task, but its leading"
    " group's members (成员:城建局…) are read as taking part under the group the sub-item names, where"
    " the gold makes them the leads",
    "1723_pingtan_haitan_moshiqinhai_zhuanxiang_2019": "persons under a spaced label are now read, but"
    " the bureaus the township helps (配合区教育局), which the gold files as 配合对象, are not",
    "1741_pingtan_shichangjianguan_315xuanchuan_2018": "the annex's duty list is read, but the body's"
    " sections write their duties as prose in a plan that writes others formally (五、六、七), which the"
    " reader leaves unread",
    "1743_pingtan_shichangjianguan_yaopinliutong_2016": "five bodies' duties in one sentence cut only by"
    " commas (局药械处负责…,稽查支队负责…,办公室负责…), which the gold cuts into a task a body; the"
    " ruling cuts at 。 and ; only",
    "1744_pingtan_mingchuliangzao_shifan_2017": "a stretch whose bodies act with a verb the reader does"
    " not know (区市场监督管理局、食安办进行复审) and a 会同 body the gold makes a participant",
    "1763_songjiang_gongyilin_2026": "subjects joined by 与 and 会同 (区级林业部门与各街镇(经开区)做好…)"
    " and a 施工单位 the gold keeps, in a bureau's prose plan",
    "1766_pingtan_chuhuohuan_dongchun_2013": "bodies named by their function or field are now read"
    " (燃气主管部门负责…, 公安、文化…等部门,联合检查…), but the page's spaces cut words"
    " (燃气主 管部门), 供电公司 is named with no level, and 消防支队筹建组 is the gold's 平潭消防支队筹建组",
    "1767_baoshan_jicengxiaofang_zonghezhili_2022": "二's headings name the bodies the plan sets up"
    " (街道消防安全委员会), which the gold gives to 各街镇, and a mechanism's 排查主体: labels that name"
    " no task's body",
    "1782_pingtan_shengtaihongxian_fengong_2017": "helpers the reader does not take as bodies"
    " (国有防护林场) and a vague 区直其他有关部门 item the gold keeps",
    "1785_putuo_zhuzhaixiaoqu_weifa_zhili_2024": "mechanism and pilot items that name their bodies only"
    " as those joined (联合司法局、属地街镇…) or not at all, which the gold keeps",
    "1786_hongkou_jiazhuangdianti_lianhezhifa_2023": "joint inspection steps whose bodies are named as a"
    " kind (各监管单位, 所属街道) in sentences the reader does not take",
    "1801_shanghai_shijianju_diandongzixingche_2021": "a bracket's default stated once"
    " (…为实施单位,下同) that the reader reads as participants, and an item whose bracket is vague but"
    " whose text charges a body (市局执法总队要…), which the gold makes its lead",
    "1804_hongkou_diandongche_xiaofangsheshi_2026": "a builder named after its work"
    " (建设主体为区应急局), which the gold makes the lead, and a sentence whose subject the reader cuts"
    " short (指导协调居民小区业委会)",
    "1805_shanghai_guidaojiaotong_sanlianjizhi_2021": "numbered measures whose subjects are kinds of"
    " place or party (车站、毗邻建筑, 轨交与属地公安派出所), which the gold keeps as leads and the reader"
    " does not take as bodies",
    "1806_shanghai_yanglaojigou_xiaofang_biaozhunhua_2023": "an item's prose paragraphs are read"
    " stretch by stretch, but its subjects (养老机构, 街镇) are kinds of body, and bare 消防救援支队 has"
    " two fuller spellings in the plan (各区…, 区…), so it keeps its own",
    "1822_pingtan_lvyou_wangji_bairi_2017": "an event plan's hosts and organisers (主办单位 / 承办单位):"
    " the reader takes 主办 as the lead and 承办 as taking part, as the issue's role words say; the gold"
    " makes the organisers the leads and the hosts others",
    "1823_pingtan_sanjian_erhua_yitisheng_2017": "pilot units under a label no rule reads"
    " (试点单位:第一批:…), which check reports as unread and the gold keeps in other",
    "1843_pingtan_junshan_kongchuobaoxue_2021": "subjects that are people by post (各学校教师, 村干部)"
    " and a list holding a bare 办事处, which the gold resolves to the one office it means",
    "1844_pingtan_huanguoju_vocs_guanli_2018": "items that name no body, divisions named short (监测站,"
    " 监察支队) that the gold completes from a fuller name with no level, and 排污单位 as a lead",
    "1845_pingtan_junshan_senlinfanghuo_yaodian_2023": "items whose bodies are the objects of a verb"
    " with no subject (推动…各处室…建立) or people (护林员, 村干部), which the gold makes leads",
    "1881_pingtan_junshan_feifajizi_2023": "an item whose assignment is the leading group's own sentence"
    " (处非工作领导小组负责…) and labels run in with no end mark",
    "1901_hongkou_lishifengmao_fangzai_2014": "a body's item (五、各街道办事处。负责…) over sub-items "
    "naming each office: the sub-items are the tasks, the group told of them as 总牵头, where the gold "
    "makes the item a task of the group too",
    "1902_jiading_chengshigengxin_shishiyijian_2023": "prose duties whose fields end in "
    "等有关部门在…范围内, a kind (区属国有企业) as subject, and the 更新办 named in roster words: not all "
    "read",
    "1904_pudong_huanjingjixiao_pingjia_2024": "duties written in a prose section (三、) of a plan whose "
    "other items close with brackets: prose in a formal plan is not read",
    "1921_wujingzhen_guimohua_zulin_changxiao_2023_partial": "duties written as prose in sections with no "
    "notation (五、六、) and a group's duties (领导小组办公室), in a plan whose other items carry labels",
    "1923_hongkou_lajifenlei_sannian_2018": "an annex table flattened one cell a line with year sub-rows "
    "(2018年 / 2019年) and a category printed a character a line (分 / 类 / 投 / 放): rows and bodies fall "
    "out of step; items in 三、 charge bodies in sentences inside a formal plan",
    "1924_youyilu_lajifenlei_dingshidingdian_2019": "steps and requirements (四–六) written as prose in a "
    "plan whose duty section uses labels: not read",
    "1925_baoshan_ercigongshui_gaizao_2014": "duty paragraphs, a 联席会议 with its 召集人 and 供水企业 as "
    "subjects, and the stage sections' prose: not all read",
    "1942_songjiang_tingchegongxiang_2017": "measures whose doers are kinds of parties (街镇, 业主委员会, "
    "物业服务企业) named in sentences the reader does not take as duties",
    "1945_shanghai_jianshaojiaotongshigu_2024": "prose whose gold starts a task at every change of the "
    "bodies charged, subsets included, where ANNOTATION (and the reader) start one only for a body the "
    "sentence before did not charge",
    "1946_jiading_xialijiao_fangxun_2014": "prose whose subjects are kinds of bodies (各泵站产权单位, "
    "下立交管理单位) and groups written bare (各镇、街道), which the reader does not take as bodies",
    "1966_pingtan_huangbiaoche_taotai_buchong_2015": "a list of towns the gold fills out by field "
    "(潭城、中楼…等乡镇), 车主所在乡镇政府 read as 乡镇政府, and duties in 五 written as prose",
    "1967_pingtan_canchu_laji_shouyun_2019": "misread characters in the stored page (疫 for 及, 賣 for 责) "
    "break names and headings; prose with 委托 and 联合",
    "2001_huangpu_gongxiangdanche_tingfang_2018": "prose items whose bodies work with others "
    "(会同…依法加大…) and parties (共享单车企业, 城管队伍) the gold takes as participants",
    "2002_huangpu_laojiuxiaoqu_wuye_2019": "items (四)–(十) that name only 企业集团, which the gold expands "
    "everywhere to the three groups it stands for, and a 联席会议 platform as a lead",
    "2003_jinshan_daolujiaotongsheshi_2017": "duty items whose subjects are kinds (建设单位, 设施权属部门, "
    "维修单位) and a body defined by a short name (公安分局交管部门)",
    "2004_jingan_guijiao_sizhangliandong_2017": "duty lists headed by posts (轨道交通站长职责), which the "
    "gold files as other with role 职责, and a paragraph of six duty sentences",
    "2005_chongming_chaijiuzhixin_2013": "prose with kinds as subjects (存在违法用地和违法建筑的单位), "
    "fields with 县 written once, and sections on sanctions",
    "2006_chongming_laojiuzhufang_yinhuan_2015": "prose 由X指导 / 由X协助 with no lead, which the gold "
    "makes the lead, and a leading group defined by a short name",
    "1725_yangpu_jicengxiaofang_zonghezhili_2022": "the plan's own prose before its annex is read as prose "
    "(the annex's table being its only notation), where its gold counts the annex only",
    "1982_jingan_yingshanghuanjing_pinpai_2024_partial": "a second table (创建领域 | 责任单位) now read, "
    "but its prose lead-in paragraphs, which the gold counts as tasks of all the groups, are not",
    "1983_jiadinggongyequ_dixiakongjian_yingjiyuan_2025": "an emergency plan: its decimal outline (3.1.2) "
    "is read, but its duties are prose in a plan whose annex duty list makes it formal, and its table of "
    "contents repeats the headings",
    "1984_jingan_jianshegongcheng_anquanjiandu_2020": "prose paragraphs whose lists of fields end in "
    "等相关行政管理部门 (the gold files them under the plan's full names) and paragraphs that name only "
    "helpers",
    "1964_pingtan_junshan_quanshengmingzhouqi_xiaofang_2023": "items headed by a group (各村(居):) now "
    "read, but an annex form's note (本表由片区消防工作站负责牵头统计) and a paragraph run into item 8 are "
    "not",
}
"""Plans known to fall below the floor, and why; a plan that rises above it must leave the list."""


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _plan_for(gold: Path) -> Path:
    found = sorted(p for p in (CORPUS / "plans").glob(gold.stem + ".*"))
    assert found, f"no plan file for {gold.name}"
    return found[0]


def _score() -> tuple[float, dict[str, float]]:
    score = _scorer()
    total = [0, 0, 0]
    files: dict[str, float] = {}
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            pred = plan_dict(load_plan(_plan_for(gold_path)))
        except Exception:  # a plan the parser cannot read at all scores zero, as in score.py
            pred = {"tasks": []}
        tp, n_pred, n_gold, _ = score.score_file(gold, pred, False)
        total = [total[0] + tp, total[1] + n_pred, total[2] + n_gold]
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 1.0
        files[gold_path.stem] = 2 * p * r / (p + r) if p + r else 0.0
    tp, n_pred, n_gold = total
    p, r = tp / n_pred, tp / n_gold
    return 2 * p * r / (p + r), files


def test_corpus_has_real_plans_with_sources() -> None:
    assert len(GOLD) >= 25
    sources = "".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("SOURCES*.md"))
    for gold in GOLD:
        assert _plan_for(gold).name in sources, f"{gold.stem} has no source recorded"


TEXT_GOLD = [g for g in GOLD if _plan_for(g).suffix == ".txt"]


@pytest.mark.parametrize("gold", TEXT_GOLD, ids=[g.stem for g in TEXT_GOLD])
def test_gold_starts_are_in_the_plan_text(gold: Path) -> None:
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = "".join(_plan_for(gold).read_text(encoding="utf-8").split())
    assert data["tasks"], "a gold file lists the plan's tasks"
    for task in data["tasks"]:
        assert "".join(task["start"].split()) in text, task["start"]


def test_corpus_score() -> None:
    micro, files = _score()
    assert micro >= MIN_MICRO_F1, f"micro F1 {micro:.3f}; per file: {files}"
    read = [name for name, f1 in files.items() if f1 > 0]
    assert len(read) >= MIN_READ_FILES, sorted(set(files) - set(read))
    below = {name for name, f1 in files.items() if f1 < MIN_FILE_F1}
    assert below == set(BELOW_FLOOR), {name: round(files[name], 3) for name in below ^ set(BELOW_FLOOR)}
