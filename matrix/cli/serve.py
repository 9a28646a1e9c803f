"""``matrix serve``: the local web page for the whole loop, served on 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from matrix.cli.app import app
from matrix.cli.help import ChineseCommand
from matrix.errors import UsageError


@app.command(
    "serve",
    cls=ChineseCommand,
    epilog="matrix serve\nmatrix serve --workspace D:\\督查\\matrix-work --port 8800",
)
def serve(
    port: Annotated[int, typer.Option("--port", help="端口。")] = 8765,
    workspace: Annotated[
        Path, typer.Option("--workspace", help="工作区文件夹: 上传的计划、设置文件和输出都在其中。")
    ] = Path("matrix-work"),
    no_browser: Annotated[bool, typer.Option("--no-browser", help="不自动打开浏览器。")] = False,
    host: Annotated[
        str, typer.Option("--host", help="监听地址 (默认只在本机 127.0.0.1; 页面没有登录, 慎用其他地址)。")
    ] = "127.0.0.1",
) -> None:
    """在本机浏览器中使用 matrix: 打开计划、核对、更正、生成、修订、进展 (不需要联网)。"""
    import threading
    import webbrowser

    import uvicorn

    from matrix.web.app import create_app

    if not 0 < port < 65536:
        raise UsageError(f"--port 应在 1 到 65535 之间, 而不是 {port}")
    if workspace.exists() and not workspace.is_dir():
        raise UsageError(f"工作区 {workspace} 是文件, 不是文件夹")
    if host not in {"127.0.0.1", "localhost"}:
        print(
            f"警告: 页面将在 {host} 上提供服务, 而页面没有登录: "
            "能访问该地址的人都能查看和修改工作区中的计划。",
            file=sys.stderr,
        )
    shown = host if ":" not in host else f"[{host}]"
    address = f"http://{'127.0.0.1' if host == '0.0.0.0' else shown}:{port}/"
    application = create_app(workspace, host=host, port=port)
    print(f"matrix 页面: {address}  (工作区: {workspace.resolve()}; 按 Ctrl+C 停止)", file=sys.stderr)
    if not no_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
