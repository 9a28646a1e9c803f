#!/bin/bash
# Same-bytes proof for issue 15: every document the default plan produces and every file of a diff -o.
# usage: tools/same_bytes.sh <repo> <hashfile>
set -e
REPO=$1; OUTF=$2
W=$(mktemp -d)
cd "$REPO"
M=.venv/bin/matrix
P=plan_source/00_zizhu_chuangxin_2008.txt
cp $P $W/plan.txt; cp plan_source/00_zizhu_chuangxin_2008.toml $W/plan.toml
# a revision: one lead changed, one participant added, one task dropped, one sentence rewritten
python3 - "$W" <<'PY'
import sys, pathlib
w = pathlib.Path(sys.argv[1])
t = (w/"plan.txt").read_text(encoding="utf-8")
t = t.replace("(由市科技局会同市农业局牵头,市农办、市林业局、市水利局等参与)", "(由市农业局牵头,市农办、市林业局、市水利局、市财政局等参与)", 1)
t = t.replace("市规划建设局、市水利局、市气象局等参与", "市水利局、市气象局、市审计局等参与", 1)
lines = t.split("\n")
for i, l in enumerate(lines):
    if l.startswith("3.组织实施疾病防治"):
        del lines[i]; break
t = "\n".join(lines).replace("加强集成创新。", "切实加强集成创新。", 1)
(w/"rev.txt").write_text(t, encoding="utf-8")
(w/"rev.toml").write_text((w/"plan.toml").read_text(encoding="utf-8"), encoding="utf-8")
PY
$M build $W/plan.txt -o $W/a --date 2026-12-01 >/dev/null
$M build $W/plan.txt -o $W/b --date 2026-12-01 --duplex >/dev/null
$M diff $W/plan.txt $W/rev.txt -o $W/c --date 2026-12-01 >/dev/null || true
$M collect --help >/dev/null 2>&1 || true
(cd $W && find a b c -type f ! -name manifest.json ! -path '*/.matrix*' | sort | xargs sha256sum) > "$OUTF"
wc -l "$OUTF"
rm -rf $W
