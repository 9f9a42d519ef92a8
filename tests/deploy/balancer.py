"""A load balancer for the replica test: a TCP proxy on loopback whose backend can be switched.

Replicas sit behind one origin in a real deployment, so a browser keeps its signed conversation
token (localStorage is per origin) whichever replica answers. Switching closes every open
connection, so the browser's next request really reaches the other replica."""

from __future__ import annotations

import socket
import threading

from tests.services import free_port


class Balancer:
    def __init__(self, backend_port: int) -> None:
        self.port = free_port()
        self.backend_port = backend_port
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def switch_to(self, backend_port: int) -> None:
        with self._lock:
            self.backend_port = backend_port
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def close(self) -> None:
        self.switch_to(self.backend_port)
        _close(self._listener)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                upstream = socket.create_connection(("127.0.0.1", self.backend_port))
                self._open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        _close(sink)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
