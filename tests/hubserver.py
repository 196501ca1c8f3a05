"""A local server that answers as the Hugging Face hub does for a file download: the
`resolve` address answers HEAD with the file's size and sha256 (`X-Linked-Size`,
`X-Linked-Etag`) and redirects GET to the file's host, which honours `Range`. Tests point
`HF_ENDPOINT` at it."""

from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class FakeHub:
    def __init__(self):
        self.files: dict[str, bytes] = {}  # "owner/repo/file" -> its bytes
        self.gated: set[str] = set()
        self.corrupt: set[str] = set()  # files whose bytes come back other than described
        self.delay = 0.0  # seconds between 1 MB pieces: time to pause a download
        self.cut_at = 0  # bytes after which the file's host drops the connection (0: never)
        self.ranges: list[str] = []  # the Range headers asked for
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _resolve(self) -> None:
                owner, repo, _, _, name = self.path.lstrip("/").split("/", 4)
                key = f"{owner}/{repo}/{name}"
                if key in hub.gated:
                    return self.send_error(401)
                if key not in hub.files:
                    return self.send_error(404)
                data = hub.files[key]
                self.send_response(302)
                self.send_header("Location", f"/cdn/{key}")
                self.send_header("X-Linked-Size", str(len(data)))
                self.send_header("X-Linked-Etag", f'"{hashlib.sha256(data).hexdigest()}"')
                self.send_header("X-Repo-Commit", "0" * 40)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_HEAD(self):
                if self.path.startswith("/cdn/"):  # the file's host, as a CDN answers
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(hub.files[self.path[len("/cdn/"):]])))
                    return self.end_headers()
                self._resolve()

            def do_GET(self):
                if not self.path.startswith("/cdn/"):
                    return self._resolve()
                key = self.path[len("/cdn/"):]
                data = hub.files[key]
                if key in hub.corrupt:
                    data = data[:-1] + bytes([data[-1] ^ 1])
                start = 0
                asked = self.headers.get("Range")
                if asked:
                    hub.ranges.append(asked)
                    start = int(asked.split("=")[1].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                try:
                    end = hub.cut_at or len(data)
                    hub.cut_at = 0  # once
                    for at in range(start, end, 1 << 20):
                        self.wfile.write(data[at:min(end, at + (1 << 20))])
                        if hub.delay:
                            time.sleep(hub.delay)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client paused

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True, name="fake-hub").start()

    def add(self, key: str, path_or_bytes: Path | bytes) -> None:
        self.files[key] = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
