"""One running app per user: a second launch hands what it was given (files, web addresses)
to the window already open, over a local socket, and exits; the model is loaded once."""

from __future__ import annotations

import getpass
import json
import os
import warnings
from pathlib import Path
from typing import Callable

import platformdirs

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

# The test suite sets its own name, so that the user's running app never answers a test.
NAME_VARIABLE = "NEUTRAL_BRIEF_INSTANCE"
TIMEOUT_MS = 2000


def server_name() -> str:
    """A path in the user's runtime folder (readable by them alone), so that no other user
    can take the name first and receive the files a launch hands over."""
    name = os.environ.get(NAME_VARIABLE) or "instance"
    with warnings.catch_warnings():  # without $XDG_RUNTIME_DIR, a folder in /tmp: checked below
        warnings.simplefilter("ignore")
        folder = Path(platformdirs.user_runtime_dir("neutral-brief"))
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
        if folder.stat().st_uid != os.getuid():
            raise PermissionError(folder)
    except OSError:  # no runtime folder of one's own: Qt's default place, named for the user
        return f"neutral-brief-{getpass.getuser()}-{name}"
    return str(folder / name)


class SingleInstance(QObject):
    def __init__(self, name: str | None = None, parent=None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    def hand_over(self, given: list[str]) -> bool:
        """Give `given` to the app already running; False when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(json.dumps(given).encode("utf-8") + b"\n")
        sent = socket.waitForBytesWritten(TIMEOUT_MS)
        # The running app closes the connection once it has read the message.
        socket.waitForDisconnected(TIMEOUT_MS)
        return sent

    def listen(self, received: Callable[[list[str]], None]) -> bool:
        """Answer later launches: `received` gets what each was given (an empty list when
        it was started plain). False when the name cannot be taken."""
        QLocalServer.removeServer(self.name)  # a socket file left by a crash of an earlier app
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            return False
        self.server.newConnection.connect(lambda: self._accept(received))
        return True

    def _accept(self, received: Callable[[list[str]], None]) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(socket=socket, buffer=buffer) -> None:
                buffer.extend(bytes(socket.readAll()))
                if not buffer.endswith(b"\n"):
                    return
                try:
                    given = json.loads(buffer.decode("utf-8"))
                except ValueError:
                    given = []
                socket.disconnectFromServer()
                received([str(g) for g in given] if isinstance(given, list) else [])
            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
