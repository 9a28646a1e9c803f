"""``matrix serve`` over HTTP (Starlette's TestClient): the pages, the JSON API and its errors,
the request guard, uploads, settings written from the page, the build queue, revisions, progress."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import time
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN
from progress_helpers import fill_form, revised_plan
from starlette.testclient import TestClient

from matrix.api import build_plan, load_plan
from matrix.build.sync import LOCK
from matrix.checks import check_plan
from matrix.diff import diff_files
from matrix.readers import MAX_PLAN_BYTES
from matrix.render.diff_json import diff_dict
from matrix.render.json import plan_dict
from matrix.settings import load_settings
from matrix.views.letters import parts
from matrix.web.app import create_app

BASE = "http://127.0.0.1:8765"


def client_for(workspace: Path) -> TestClient:
    return TestClient(create_app(workspace, port=8765), base_url=BASE)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return tmp_path / "work"


@pytest.fixture
def client(workspace: Path) -> Iterator[TestClient]:
    with client_for(workspace) as c:
        yield c


def upload_default(client: TestClient, name: str = DEFAULT_PLAN.name) -> dict[str, object]:
    """Upload the default plan with its settings' [letter] (so the letters are dated alike)."""
    response = client.post("/api/plans", files={"file": (name, DEFAULT_PLAN.read_bytes(), "text/plain")})
    assert response.status_code == 201, response.text
    data: dict[str, object] = response.json()
    return data


def plan_folder(workspace: Path, plan_id: str) -> Path:
    return workspace / plan_id


def current_plan(workspace: Path, plan_id: str) -> Path:
    folder = plan_folder(workspace, plan_id)
    record = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    return folder / record["plan"]


# --- the JSON API ----------------------------------------------------------------------------------


def test_home_page_is_html_in_chinese(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "打开计划" in response.text and 'lang="zh-CN"' in response.text


def test_pages_use_only_the_package_static_files(client: TestClient) -> None:
    page = client.get("/").text
    assert "http://" not in page.replace(BASE, "") and "https://" not in page
    for asset in ("/static/matrix.css", "/static/matrix.js"):
        assert asset in page
        assert client.get(asset).status_code == 200


def test_upload_answers_the_parse_json(client: TestClient, workspace: Path) -> None:
    data = upload_default(client)
    expected = plan_dict(load_plan(DEFAULT_PLAN))
    assert set(data) == {"id", "title", "tasks", "departments", "warnings"}
    plan = current_plan(workspace, str(data["id"]))
    for key in ("title", "tasks", "departments", "warnings"):
        assert data[key] == expected[key], key
    assert len(expected["tasks"]) == 25
    assert plan.read_bytes() == DEFAULT_PLAN.read_bytes()
    again = client.get(f"/api/plans/{data['id']}")
    assert again.status_code == 200 and again.json() == data


def test_uploaded_plan_builds_the_same_from_the_cli(
    client: TestClient, workspace: Path, tmp_path: Path
) -> None:
    data = upload_default(client)
    response = client.post(f"/api/plans/{data['id']}/build")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert "attachment" in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        names = set(zf.namelist())
        inside = {n: zf.read(n) for n in names}
    manifest = json.loads(inside["manifest.json"])
    assert names == {*manifest["files"], "manifest.json"}
    assert any(n.startswith("letters/") for n in names) and any(n.startswith("forms/") for n in names)
    assert any(n.endswith("-分工表.xlsx") for n in names)
    # the same plan built by the CLI's build function elsewhere: the same files, byte for byte
    cli_plan = tmp_path / "cli" / DEFAULT_PLAN.name
    cli_plan.parent.mkdir()
    shutil.copy(DEFAULT_PLAN, cli_plan)
    report = build_plan(cli_plan, tmp_path / "cli" / "out")
    assert set(report.written) == names - {"manifest.json"}
    for name in report.written:
        assert (tmp_path / "cli" / "out" / name).read_bytes() == inside[name], name


def test_diff_answers_the_diff_json(client: TestClient, tmp_path: Path) -> None:
    data = upload_default(client)
    new = revised_plan(tmp_path / "v2")
    response = client.post(f"/api/plans/{data['id']}/diff", files={"file": (new.name, new.read_bytes())})
    assert response.status_code == 200
    got = response.json()
    expected = diff_dict(diff_files(DEFAULT_PLAN, new, DEFAULT_PLAN.with_suffix(".toml")))
    assert got["tasks"] == expected["tasks"] and got["departments"] == expected["departments"]
    assert got["tasks"]["removed"] == ["二.三.3"]


# --- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "空"),
        ("plan.exe", b"MZ\x00\x00", "不支持的文件类型"),
        ("binary.txt", bytes(range(256)) * 20, "不是文本文件"),
        ("prose.txt", "今天天气很好。\n".encode(), "没有找到任何"),
    ],
)
def test_bad_uploads_are_400_with_a_sentence(
    client: TestClient, workspace: Path, name: str, data: bytes, words: str
) -> None:
    response = client.post("/api/plans", files={"file": (name, data)})
    assert response.status_code == 400
    assert words in response.json()["error"]
    assert list(response.json()) == ["error"]
    assert not [p for p in workspace.iterdir() if p.is_dir()], "an unreadable plan is not kept"


def test_missing_field_and_wrong_body_are_400_never_422(client: TestClient) -> None:
    plan_id = upload_default(client)["id"]
    cases = [
        client.post("/api/plans", files={"other": ("a.txt", b"x")}),
        client.post("/api/plans", content=b"not multipart", headers={"content-type": "text/plain"}),
        client.put(f"/api/plans/{plan_id}/tasks/一.1", content=b"{not json"),
        client.put(f"/api/plans/{plan_id}/tasks/一.1", json=["a list"]),
        client.put(
            f"/api/plans/{plan_id}/tasks/一.1", json={"leads": "市科技局", "participants": [], "reason": "x"}
        ),
        client.put(
            f"/api/plans/{plan_id}/tasks/一.1",
            json={"leads": [], "participants": [], "deadline": 3, "reason": "x"},
        ),
        client.put(f"/api/plans/{plan_id}/tasks/一.1", json={"leads": [], "participants": []}),
        client.put(
            f"/api/plans/{plan_id}/tasks/一.1", json={"leads": [], "participants": [], "reason": "", "x": 1}
        ),
        client.put(f"/api/plans/{plan_id}/tasks/一.1", json={"leads": [], "participants": [], "reason": " "}),
        client.post(f"/api/plans/{plan_id}/diff", files={"file": ("v2.exe", b"x")}),
    ]
    for response in cases:
        assert response.status_code == 400, response.text
        body = response.json()
        assert list(body) == ["error"] and body["error"] and "detail" not in body
        assert "Traceback" not in body["error"]


def test_unknown_things_are_404(client: TestClient) -> None:
    plan_id = upload_default(client)["id"]
    for response in (
        client.get("/api/plans/9999"),
        client.get("/api/plans/abc"),
        client.post("/api/plans/9999/build"),
        client.get("/api/nothing/here"),
        client.get("/api/builds/12345"),
        client.put("/api/plans/9999/tasks/一.1", json={"leads": [], "participants": [], "reason": "x"}),
    ):
        assert response.status_code == 404, response.url
        assert list(response.json()) == ["error"]
    for page in (
        f"/plans/{plan_id}/files/letters/none.docx",
        f"/plans/{plan_id}/files/../plan.json",
        f"/plans/{plan_id}/files/..%2F..%2Fplan.json",
        f"/plans/{plan_id}/dept/市不存在局",
        f"/plans/{plan_id}/tasks/九.九",
        "/plans/0042",
        "/no/such/page",
    ):
        response = client.get(page)
        assert response.status_code == 404, page
        assert "text/html" in response.headers["content-type"] and "Traceback" not in response.text


def test_upload_over_the_limit_is_413(client: TestClient, workspace: Path) -> None:
    big = b"x" * (MAX_PLAN_BYTES + 10)
    response = client.post("/api/plans", files={"file": ("big.txt", big)})
    assert response.status_code == 413
    assert "上限" in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: refused while it is read
        boundary = b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        yield boundary
        for _ in range(30):
            yield b"y" * 1024 * 1024
        yield b"\r\n--b--\r\n"

    response = client.post(
        "/api/plans", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code == 413 and list(response.json()) == ["error"]
    assert not [p for p in workspace.iterdir() if p.is_dir()]


def test_upload_named_with_dots_lands_inside_the_workspace(client: TestClient, workspace: Path) -> None:
    outside = workspace.parent
    before = {p.name for p in outside.iterdir()}
    response = client.post("/api/plans", files={"file": ("../../x.txt", DEFAULT_PLAN.read_bytes())})
    assert response.status_code == 201
    plan = current_plan(workspace, response.json()["id"])
    assert plan.name == "x.txt"
    assert plan.resolve().is_relative_to(workspace.resolve())
    assert {p.name for p in outside.iterdir()} == before
    assert not (outside.parent / "x.txt").exists()
    windows = client.post("/api/plans", files={"file": ("..\\..\\CON.txt", DEFAULT_PLAN.read_bytes())})
    plan = current_plan(workspace, windows.json()["id"])
    assert plan.parent.parent == workspace.resolve() and plan.name == "_CON.txt"
    fake = client.post("/api/plans", files={"file": ("C:\\fakepath\\计划.txt", DEFAULT_PLAN.read_bytes())})
    assert current_plan(workspace, fake.json()["id"]).name == "计划.txt"


# --- the guard ---------------------------------------------------------------------------------------


def test_another_host_is_refused(client: TestClient) -> None:
    for host in ("evil.example:8765", "127.0.0.1:9999", "attacker.127.0.0.1.nip.io:8765"):
        response = client.get("/api/plans/0001", headers={"host": host})
        assert response.status_code == 403 and list(response.json()) == ["error"]
        assert client.get("/", headers={"host": host}).status_code == 403
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_a_host_given_with_host_is_served(workspace: Path) -> None:
    with TestClient(
        create_app(workspace, host="192.168.1.20", port=9000), base_url="http://192.168.1.20:9000"
    ) as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "127.0.0.1:9000"}).status_code == 200
        assert c.get("/", headers={"host": "evil.example:9000"}).status_code == 403


def test_another_origin_is_refused_for_changes_only(client: TestClient, workspace: Path) -> None:
    files = {"file": (DEFAULT_PLAN.name, DEFAULT_PLAN.read_bytes())}
    refused = client.post("/api/plans", files=files, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403 and "其他网站" in refused.json()["error"]
    assert client.post("/plans", files=files, headers={"origin": "null"}).status_code == 403
    assert not [p for p in workspace.iterdir() if p.is_dir()]
    ok = client.post("/api/plans", files=files, headers={"origin": BASE})
    assert ok.status_code == 201
    assert (
        client.get(f"/api/plans/{ok.json()['id']}", headers={"origin": "http://evil.example"}).status_code
        == 200
    )


# --- the pages ---------------------------------------------------------------------------------------


def test_review_page_lists_filters_links_and_highlights(client: TestClient) -> None:
    response = client.post(
        "/plans", files={"file": (DEFAULT_PLAN.name, DEFAULT_PLAN.read_bytes())}, follow_redirects=False
    )
    assert response.status_code == 303
    page_url = response.headers["location"]
    page = client.get(page_url).text
    assert page.count('<tr id="task-') == 25
    assert '<strong id="task-count">25</strong>' in page
    assert 'class="dept primary"' in page
    assert '<mark class="role">牵头</mark>' in page and '<mark class="dept">市科技局</mark>' in page
    filtered = client.get(page_url, params={"dept": "市财政局"}).text
    assert filtered.count('<tr id="task-') == 11 and '<strong id="task-count">11</strong>' in filtered
    assert client.get(page_url, params={"dept": "市财政厅"}).status_code == 400


def test_findings_are_linked_to_their_tasks(client: TestClient, tmp_path: Path) -> None:
    text = "一、任务\n1.建设科技园区(由市科技局牵头,市财政局参与)\n2.发展产业(由市科学技术局牵头)\n"
    response = client.post("/api/plans", files={"file": ("alike.txt", text.encode())})
    plan_id = response.json()["id"]
    page = client.get(f"/plans/{plan_id}").text
    assert 'href="#task-一.2" data-open="一.2"' in page and "相近" in page
    departments = client.get(f"/plans/{plan_id}/departments").text
    assert "合并建议" in departments


def test_merge_suggestion_writes_an_alias(client: TestClient, workspace: Path) -> None:
    text = "一、任务\n1.建设科技园区(由市科技局牵头,市财政局参与)\n2.发展产业(由市科学技术局牵头)\n"
    plan_id = client.post("/api/plans", files={"file": ("alike.txt", text.encode())}).json()["id"]
    response = client.post(
        f"/plans/{plan_id}/aliases",
        data={"keep": "市科技局", "alias": "市科学技术局"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    settings = tomllib.loads((plan_folder(workspace, plan_id) / "alike.toml").read_text(encoding="utf-8"))
    assert settings["departments"]["市科技局"]["aliases"] == ["市科学技术局"]
    data = client.get(f"/api/plans/{plan_id}").json()
    assert [d["name"] for d in data["departments"]] == ["市科技局", "市财政局"]
    assert [t["leads"] for t in data["tasks"]] == [["市科技局"], ["市科技局"]]
    assert (
        client.post(f"/plans/{plan_id}/aliases", data={"keep": "市科技局", "alias": "市无局"}).status_code
        == 404
    )


def test_letter_settings_and_a_contact_are_saved_without_listing_departments(
    client: TestClient, workspace: Path
) -> None:
    plan_id = client.post("/api/plans", files={"file": ("p.txt", DEFAULT_PLAN.read_bytes())}).json()["id"]
    form = {
        "doc_number": "清政办发〔2026〕7号",
        "date": "2026-12-01",
        "issuer": "",
        "contact": "张明",
        "phone": "1",
    }
    assert client.post(f"/plans/{plan_id}/letter", data=form, follow_redirects=False).status_code == 303
    response = client.post(
        f"/plans/{plan_id}/contact",
        data={"name": "市财政局", "contact": "王芳", "phone": "0572-1"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    toml = plan_folder(workspace, plan_id) / "p.toml"
    settings = load_settings(toml.with_suffix(".txt"))
    assert settings.letter.doc_number == "清政办发〔2026〕7号" and settings.letter.date == dt.date(
        2026, 12, 1
    )
    assert settings.letter.issuer is None
    assert [(d.name, d.contact, d.phone) for d in settings.departments] == [("市财政局", "王芳", "0572-1")]
    graph = load_plan(toml.with_suffix(".txt"), settings)
    assert not [f for f in check_plan(graph, settings) if "设置文件中没有单位" in f.message]
    page = client.get(f"/plans/{plan_id}/generate").text
    assert 'value="清政办发〔2026〕7号"' in page and 'value="王芳"' in page
    bad = client.post(f"/plans/{plan_id}/letter", data={"date": "明天"})
    assert bad.status_code == 400 and "日期" in bad.text
    assert tomllib.loads(toml.read_text(encoding="utf-8"))["letter"]["date"] == dt.date(2026, 12, 1)
    assert (
        client.post(f"/plans/{plan_id}/contact", data={"name": "市无局", "contact": "x"}).status_code == 404
    )


def test_bureau_page_is_its_letters_content(client: TestClient) -> None:
    plan_id = upload_default(client)["id"]
    page = client.get(f"/plans/{plan_id}/dept/市财政局").text
    found = parts(load_plan(DEFAULT_PLAN), "市财政局")
    assert [p.heading for p in found] == ["一、牵头任务（共3项）", "二、参与任务（共8项）"]
    positions = [page.index(p.heading) for p in found]
    assert positions == sorted(positions)
    for part in found:
        for row in part.rows:
            assert row.task in page
    assert "window.print()" in page


def test_generate_page_builds_lists_and_downloads(client: TestClient, workspace: Path) -> None:
    plan_id = upload_default(client)["id"]
    assert "还没有生成文件" in client.get(f"/plans/{plan_id}/generate").text
    ticket = client.post(f"/api/plans/{plan_id}/builds")
    assert ticket.status_code == 202 and ticket.json()["state"] in {"waiting", "running", "done"}
    number = ticket.json()["ticket"]
    for _ in range(600):
        status = client.get(f"/api/builds/{number}").json()
        if status["state"] in {"done", "failed"}:
            break
        time.sleep(0.1)
    assert status["state"] == "done", status
    assert status["done"] == status["total"] > 0
    page = client.get(f"/plans/{plan_id}/generate").text
    out = plan_folder(workspace, plan_id) / "out"
    letters = sorted(p.name for p in (out / "letters").glob("*.docx"))
    assert len(letters) == 39 + 2
    for name in letters:
        assert f">{name}</a>" in page
    workbook = next(out.glob("*-分工表.xlsx"))
    got = client.get(f"/plans/{plan_id}/files/{workbook.name}")
    assert got.status_code == 200 and got.content == workbook.read_bytes()
    everything = client.get(f"/plans/{plan_id}/outputs.zip")
    with zipfile.ZipFile(io.BytesIO(everything.content)) as zf:
        assert f"letters/{letters[0]}" in zf.namelist() and workbook.name in zf.namelist()


def test_builds_of_one_plan_wait_their_turn(client: TestClient, workspace: Path) -> None:
    plan_id = upload_default(client)["id"]
    first = client.post(f"/api/plans/{plan_id}/builds").json()
    second = client.post(f"/api/plans/{plan_id}/builds").json()
    assert second["state"] == "waiting" and second["position"] >= 1
    queue = client.get(f"/api/plans/{plan_id}/builds").json()["builds"]
    assert [t["ticket"] for t in queue] == [first["ticket"], second["ticket"]]
    for ticket in (first, second):
        for _ in range(600):
            status = client.get(f"/api/builds/{ticket['ticket']}").json()
            if status["state"] in {"done", "failed"}:
                break
            time.sleep(0.1)
        assert status["state"] == "done", status
    assert status["written"] == [] and status["unchanged"] > 0  # the second found nothing to do
    assert not (plan_folder(workspace, plan_id) / "out" / LOCK).exists()


def test_a_build_that_meets_a_cli_build_gets_the_lock_message(client: TestClient, workspace: Path) -> None:
    plan_id = upload_default(client)["id"]
    out = plan_folder(workspace, plan_id) / "out"
    out.mkdir()
    (out / LOCK).write_text(str(os.getpid()))  # a live process holds the lock, as a CLI build would
    started = time.monotonic()
    response = client.post(f"/api/plans/{plan_id}/build")
    assert response.status_code == 400
    assert "另一个 matrix 正在写入" in response.json()["error"]
    assert time.monotonic() - started >= 9
    assert (out / LOCK).read_text() == str(os.getpid())
    assert not (out / "letters").exists()


def test_revision_report_notices_and_adoption(client: TestClient, workspace: Path, tmp_path: Path) -> None:
    plan_id = upload_default(client)["id"]
    folder = plan_folder(workspace, plan_id)
    client.post(f"/plans/{plan_id}/contact", data={"name": "市财政局", "contact": "王芳", "phone": ""})
    new = revised_plan(tmp_path / "v2")
    page = client.post(f"/plans/{plan_id}/revise", files={"file": (new.name, new.read_bytes())})
    assert page.status_code == 200
    assert "删除 1 项" in page.text and "二.三.3" in page.text
    assert "采用新版本" in page.text
    assert "二.三.3" in client.get(f"/plans/{plan_id}/revise").text  # the waiting version is kept
    assert client.post(f"/plans/{plan_id}/revise/notices", follow_redirects=False).status_code == 303
    notices = [p for p in (folder / "out" / "changes").glob("*.docx")]
    assert notices
    assert "changes/" in client.get(f"/plans/{plan_id}/revise").text
    assert client.post(f"/plans/{plan_id}/revise/adopt", follow_redirects=False).status_code == 303
    plan = current_plan(workspace, plan_id)
    assert plan.name == new.name and plan.read_bytes() == new.read_bytes()
    record = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    (old,) = record["history"]
    assert (folder / old["plan"]).read_bytes() == DEFAULT_PLAN.read_bytes()
    assert "王芳" in plan.with_suffix(".toml").read_text(encoding="utf-8")
    assert "王芳" in (folder / old["settings"]).read_text(encoding="utf-8")
    assert not (folder / DEFAULT_PLAN.name).exists()
    data = client.get(f"/api/plans/{plan_id}").json()
    assert len(data["tasks"]) == 24
    assert client.post(f"/plans/{plan_id}/revise/adopt").status_code == 404  # nothing waits any more


def test_progress_page_collects_returns(client: TestClient, workspace: Path, tmp_path: Path) -> None:
    plan_id = upload_default(client)["id"]
    assert client.post(f"/api/plans/{plan_id}/build").status_code == 200
    forms = sorted((plan_folder(workspace, plan_id) / "out" / "forms").glob("*.xlsx"))
    returned = tmp_path / "returned.xlsx"
    fill_form(forms[0], returned, lambda text: "已完成", filled=dt.date(2026, 12, 10))
    page = client.post(
        f"/plans/{plan_id}/progress",
        files=[("file", ("回执.xlsx", returned.read_bytes())), ("file", ("note.exe", b"x"))],
    )
    assert page.status_code == 400 and "Excel" in page.text
    page = client.post(f"/plans/{plan_id}/progress", files=[("file", ("回执.xlsx", returned.read_bytes()))])
    assert page.status_code == 200
    assert "逾期" in page.text and "已完成" in page.text
    progress = plan_folder(workspace, plan_id) / "out" / "progress"
    bulletin = next(progress.glob("*-进展通报.docx"))
    assert f"progress/{bulletin.name}" in page.text
    assert client.get(f"/plans/{plan_id}/files/progress/{bulletin.name}").content == bulletin.read_bytes()
    assert "进展通报" in client.get(f"/plans/{plan_id}/progress").text


def test_workspace_lists_recent_plans(client: TestClient) -> None:
    first = upload_default(client, "a.txt")["id"]
    second = upload_default(client, "b.txt")["id"]
    page = client.get("/").text
    assert f'href="/plans/{first}"' in page and f'href="/plans/{second}"' in page
    assert page.index("b.txt") < page.index("a.txt")


def test_serve_refuses_a_bad_port_and_warns_for_another_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from matrix.cli import main

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", "0", "--no-browser"])
    assert exit_.value.code == 2 and "--port" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--no-browser"])
    assert exit_.value.code == 0
    assert calls[-1] == {"host": "127.0.0.1", "port": 8765, "log_level": "warning", "access_log": False}
    assert "警告" not in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["serve", "--no-browser", "--host", "0.0.0.0", "--port", "9000"])
    assert calls[-1]["host"] == "0.0.0.0"
    assert "没有登录" in capsys.readouterr().err


def test_serve_runs_and_answers(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "matrix",
        "serve",
        "--port",
        str(port),
        "--no-browser",
        "--workspace",
        "ws",
    ]
    process = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200 and "打开计划" in response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("matrix serve did not answer")
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err
    assert (tmp_path / "ws").is_dir()


def test_role_words_are_marked_only_beside_names() -> None:
    from matrix.web.views import highlighted

    text = "重点组织实施一批项目(由市科技局会同市发改委牵头,市统计局等参与)"
    html = str(highlighted(text, ["市科技局", "市发改委", "市统计局"]))
    assert "组织实施一批" in html
    assert '<mark class="role">会同</mark>' in html and '<mark class="role">牵头</mark>' in html
    assert '<mark class="role">参与</mark>' in html and '<mark class="dept">市统计局</mark>' in html
    assert str(highlighted("<b>市科技局</b>", ["市科技局"])).startswith("&lt;b&gt;")


def test_a_letter_has_a_pdf_preview_when_libreoffice_is_there(client: TestClient, workspace: Path) -> None:
    from conftest import soffice

    soffice()
    plan_id = upload_default(client)["id"]
    assert client.post(f"/api/plans/{plan_id}/build").status_code == 200
    assert "PDF</a>" in client.get(f"/plans/{plan_id}/generate").text
    response = client.get(f"/plans/{plan_id}/preview/letters/01-市科技局.docx")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    workbook = next((plan_folder(workspace, plan_id) / "out").glob("*.xlsx")).name
    assert client.get(f"/plans/{plan_id}/preview/{workbook}").status_code == 400


def test_merge_keeps_the_name_with_more_tasks_then_the_first() -> None:
    from matrix.web.views import DepartmentView, merge_suggestions

    def view(name: str, lead: int, alike: str) -> DepartmentView:
        return DepartmentView(name, [], lead, 0, 0, [alike])

    assert merge_suggestions([view("市科技局", 1, "市科学技术局"), view("市科学技术局", 1, "市科技局")]) == [
        ("市科技局", "市科学技术局")
    ]
    assert merge_suggestions([view("市科技局", 1, "市科学技术局"), view("市科学技术局", 3, "市科技局")]) == [
        ("市科学技术局", "市科技局")
    ]


# --- corrections -------------------------------------------------------------------------------------


def letter_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def built_letter(client: TestClient, plan_id: str, department: str) -> str:
    response = client.post(f"/api/plans/{plan_id}/build")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        (name,) = [n for n in zf.namelist() if n.startswith("letters/") and n.endswith(f"-{department}.docx")]
        return letter_text(zf.read(name))


def test_a_correction_is_saved_marked_and_in_the_next_build(
    client: TestClient, workspace: Path, tmp_path: Path
) -> None:
    plan_id = str(upload_default(client)["id"])
    assert "加强财政科技投入" not in built_letter(client, plan_id, "市统计局")
    edit = {
        "leads": ["市财政局"],
        "participants": ["市科技局", "市统计局"],
        "deadline": "2026年6月底前",
        "reason": "按市政府办公室意见增加市统计局",
    }
    response = client.put(f"/api/plans/{plan_id}/tasks/三.四", json=edit)
    assert response.status_code == 200, response.text
    task = response.json()
    assert task["id"] == "三.四" and task["corrected"] is True
    assert task["participants"] == ["市科技局", "市统计局"] and task["deadline"] == "2026年6月底前"
    again = client.get(f"/api/plans/{plan_id}").json()
    assert [t["id"] for t in again["tasks"] if t["corrected"]] == ["三.四"]
    settings = tomllib.loads(
        current_plan(workspace, plan_id).with_suffix(".toml").read_text(encoding="utf-8")
    )
    assert settings["corrections"]["三.四"]["reason"] == edit["reason"]
    assert 'class="task corrected"' in client.get(f"/plans/{plan_id}").text
    assert "加强财政科技投入" in built_letter(client, plan_id, "市统计局")
    # the same files build the same way from the command line's build
    report = build_plan(current_plan(workspace, plan_id), tmp_path / "cli-out")
    (name,) = [n for n in report.written if n.endswith("-市统计局.docx")]
    assert "加强财政科技投入" in letter_text((tmp_path / "cli-out" / name).read_bytes())
    missing = client.put(f"/api/plans/{plan_id}/tasks/九.九", json=edit)
    assert missing.status_code == 404 and list(missing.json()) == ["error"]


def test_the_correction_form_saves_through_the_same_entry(client: TestClient, workspace: Path) -> None:
    plan_id = str(upload_default(client)["id"])
    form = {"leads": "市财政局\n市科技局", "participants": "市统计局", "deadline": "", "reason": "补充"}
    response = client.post(f"/plans/{plan_id}/tasks/三.四", data=form, follow_redirects=False)
    assert response.status_code == 303
    task = next(t for t in client.get(f"/api/plans/{plan_id}").json()["tasks"] if t["id"] == "三.四")
    assert task["leads"] == ["市财政局", "市科技局"] and task["participants"] == ["市统计局"]
    assert task["corrected"] is True
    assert "已更正" in client.get(f"/plans/{plan_id}/tasks/三.四").text
    no_reason = client.post(f"/plans/{plan_id}/tasks/三.四", data={**form, "reason": ""})
    assert no_reason.status_code == 400 and "理由" in no_reason.text


def test_revision_says_which_corrections_carry_over(
    client: TestClient, workspace: Path, tmp_path: Path
) -> None:
    plan_id = str(upload_default(client)["id"])
    keep = {"leads": ["市财政局"], "participants": ["市统计局"], "deadline": None, "reason": "补充"}
    assert client.put(f"/api/plans/{plan_id}/tasks/三.四", json=keep).status_code == 200
    assert client.put(f"/api/plans/{plan_id}/tasks/二.三.2", json=keep).status_code == 200  # reworded in v2
    new = revised_plan(tmp_path / "v2")
    page = client.post(f"/plans/{plan_id}/revise", files={"file": (new.name, new.read_bytes())}).text
    assert "1 条更正沿用到新版本: 三.四; 1 条已失效" in page
    assert "更正已失效" in page and "二.三.2" in page
    assert client.post(f"/plans/{plan_id}/revise/adopt", follow_redirects=False).status_code == 303
    data = client.get(f"/api/plans/{plan_id}").json()
    assert [t["id"] for t in data["tasks"] if t["corrected"]] == ["三.四"]
    ticket = client.post(f"/api/plans/{plan_id}/builds").json()
    for _ in range(600):
        status = client.get(f"/api/builds/{ticket['ticket']}").json()
        if status["state"] in {"done", "failed"}:
            break
        time.sleep(0.1)
    assert status["state"] == "done" and any("更正已失效" in w for w in status["warnings"])
