"""Seeded plan texts in the default plan's notation, at the bench's sizes.

A plan reads like ``plan_source/00_zizhu_chuangxin_2008.txt``: a title, an opening paragraph, then
``一、`` chapters, ``（一）`` sections and ``1.`` items, each item a task of 100-400 characters
ending in ``（由A会同B牵头，C、D等参与）`` with 1-3 leads and 2-8 participants.  The words and the
department names (市X局 and the like) are made up here; no text of a real plan is used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_DIGITS = "零一二三四五六七八九"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Size:
    """A bench size: a label, its task count and its department count."""

    label: str
    tasks: int
    departments: int


SIZES = {
    "S": Size("S", 30, 40),
    "M": Size("M", 1000, 120),
    "L": Size("L", 5000, 200),
}

# Two-character stems for department names; pairs of them give hundreds of distinct, invented names.
_STEMS = _words(
    "数据 城建 文旅 农林 水务 能源 交运 园林 海洋 粮储 口岸 人防 档案 保密 信访 侨务 "
    "地矿 测绘 气候 港航 物资 供销 会展 商务 审计 税务 统筹 合作 研究 外事 民宗 老龄 "
    "青年 妇幼 体育 卫健 医保 应急 消防 环境 规划 住房 金融 科创 工信 教育 人社 民政"
)
_SUFFIXES = ("局", "委", "办", "中心", "服务中心", "管理局")
_VERBS = _words("加快 推进 完善 健全 强化 深化 优化 提升 落实 拓展 统筹 规范 培育 壮大 夯实 巩固 创新 推动")
_OBJECTS = _words(
    "服务体系 工作机制 公共平台 基础设施 示范工程 标准规范 数据资源 人才队伍 产业集群 "
    "监测网络 保障能力 管理制度 评价体系 协同机制 应用场景 重点项目 试点区域 共享平台"
)
_FIELDS = _words(
    "城乡 社区 园区 企业 乡村 流域 街区 口岸 港区 片区 校园 医院 市场 基层 "
    "重点行业 中小企业 公共服务 生态环境 数字经济 现代农业 文化旅游 交通物流"
)
_TAILS = (
    "形成可复制可推广的经验",
    "全面提高工作质量和效率",
    "确保各项措施落地见效",
    "为全市高质量发展提供有力支撑",
    "逐步建立长效管理机制",
    "切实增强群众获得感",
)
_HEADS = _words("总体要求 重点任务 保障措施 组织实施 改革创新 开放合作 民生保障 绿色发展 数字赋能 安全发展")


def numeral(n: int) -> str:
    """The Chinese numeral of ``n`` (1-99): 一, 十, 十一, 二十三."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def department_names(count: int, seed: int = 0) -> list[str]:
    """``count`` distinct invented bureau names (市数据城建局 ...), in a seeded order."""
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        first, second = rng.sample(_STEMS, 2)
        name = f"市{first}{second}{rng.choice(_SUFFIXES)}"
        # one stem pair names one body only, so no name is another's shorter spelling
        if first + second not in seen:
            seen.add(first + second)
            names.append(name)
    return names


def _sentence(rng: random.Random) -> str:
    clauses = [
        f"{rng.choice(_VERBS)}{rng.choice(_FIELDS)}{rng.choice(_OBJECTS)}建设"
        for _ in range(rng.randint(1, 3))
    ]
    if rng.random() < 0.4:
        clauses.append(f"到{rng.randint(2025, 2030)}年建成{rng.randint(2, 90)}个{rng.choice(_OBJECTS)}")
    if rng.random() < 0.5:
        clauses.append(rng.choice(_TAILS))
    return "，".join(clauses) + "。"


def task_text(rng: random.Random) -> str:
    """A task's text of 100-400 characters: a heading sentence, then sentences up to a drawn length."""
    target = rng.randint(100, 400)
    text = f"{rng.choice(_VERBS)}{rng.choice(_FIELDS)}{rng.choice(_OBJECTS)}。"
    while True:
        sentence = _sentence(rng)
        if len(text) + len(sentence) > target and len(text) >= 100:
            return text
        text += sentence


def assignment(rng: random.Random, names: list[str], first: str | None = None) -> str:
    """``（由A会同B、C牵头，D、E等参与）`` with 1-3 leads and 2-8 participants, all distinct;
    ``first``, when given, is the first lead."""
    count, joining = rng.randint(1, 3), rng.randint(2, 8)
    if first is None:
        picked = rng.sample(names, count + joining)
    else:
        picked = [first, *rng.sample([n for n in names if n != first], count + joining - 1)]
    leads, participants = picked[:count], picked[count:]
    head = leads[0] if len(leads) == 1 else f"{leads[0]}会同{'、'.join(leads[1:])}"
    etc = "等" if rng.random() < 0.7 else ""
    return f"（由{head}牵头，{'、'.join(participants)}{etc}参与）"


def plan_text(size: Size, seed: int = 1) -> str:
    """A whole plan of ``size``: chapters of about ten sections of up to 25 items each."""
    rng = random.Random(f"{seed}-{size.label}")
    names = department_names(size.departments, seed)
    # The first tasks are led by departments in a shuffled order, so that leads are spread out.
    leads_first = list(names)
    rng.shuffle(leads_first)
    lines = [
        f"某市{size.label}规模重点工作行动计划",
        "",
        "为推动各项重点工作落到实处，结合我市实际，制定本计划。",
        "",
    ]
    per_section = max(1, min(25, size.tasks // 10 or 1))
    done, chapter = 0, 0
    while done < size.tasks:
        chapter += 1
        lines += [f"{numeral(chapter)}、{rng.choice(_HEADS)}", ""]
        for section in range(1, 11):
            if done >= size.tasks:
                break
            lines += [
                f"（{numeral(section)}）{rng.choice(_VERBS)}{rng.choice(_FIELDS)}{rng.choice(_OBJECTS)}",
                "",
            ]
            for item in range(1, per_section + 1):
                if done >= size.tasks:
                    break
                bracket = assignment(rng, names, leads_first.pop() if leads_first else None)
                lines += [f"{item}.{task_text(rng)}{bracket}", ""]
                done += 1
    return "\n".join(lines)


def change_one_task(text: str, number: int = 7) -> str:
    """``text`` with one word added to the ``number``-th task (counting items from 1)."""
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if line[:1].isdigit() and "牵头" in line:
            seen += 1
            if seen == number:
                cut = line.index("。")
                lines[i] = line[:cut] + "工作" + line[cut:]
                return "\n".join(lines)
    raise ValueError(f"the plan has fewer than {number} tasks")
