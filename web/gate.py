"""Reading request headers for the web server without a thread per connection.

A thread per accepted connection lets anyone hold threads by opening sockets and trickling a header
byte by byte (slowloris): 50 such sockets held 52 threads. Here one thread reads the headers of every
connection with a selector, and a connection reaches the server's worker threads only once its whole
header is in (or its header outgrew the limit: the handler then refuses it). A header must arrive
within a deadline, and when too many connections are still sending theirs, the oldest is dropped:
slow sockets cost a file descriptor for a few seconds, never a thread.
"""
from __future__ import annotations

import queue
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_HEADER_ENDS = (b"\r\n\r\n", b"\n\n")


@dataclass
class Received:
    """A connection whose request header has been read: the socket, its address and the bytes so far."""
    sock: socket.socket
    address: Any
    head: bytes
    complete: bool  # False: the header was cut at the size limit before its end


@dataclass
class _Pending:
    address: Any
    deadline: float
    data: bytearray = field(default_factory=bytearray)


class HeaderGate:
    """One thread reading request headers; ``dispatch`` gets each connection once its header is in."""

    def __init__(self, dispatch: Callable[[Received], None], *, seconds: float, max_pending: int,
                 max_bytes: int):
        self.dispatch = dispatch
        self.seconds = seconds
        self.max_pending = max_pending
        self.max_bytes = max_bytes
        self._selector = selectors.DefaultSelector()
        self._incoming: queue.SimpleQueue = queue.SimpleQueue()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._pending: dict[socket.socket, _Pending] = {}  # in arrival order: the first is the oldest
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="govnews-headers", daemon=True)
        self._thread.start()

    def add(self, sock: socket.socket, address: Any) -> None:
        """A newly accepted connection (called from the accept loop's thread)."""
        self._incoming.put((sock, address))
        self._wake()

    def close(self) -> None:
        self._closed = True
        self._wake()
        self._thread.join(5)

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"\0")
        except (BlockingIOError, OSError):  # already awake, or closing
            pass

    def _run(self) -> None:
        try:
            while not self._closed:
                timeout = 1.0
                if self._pending:
                    oldest = next(iter(self._pending.values()))
                    timeout = min(timeout, max(0.0, oldest.deadline - time.monotonic()))
                for key, _ in self._selector.select(timeout):
                    if key.data is None:
                        self._take_incoming()
                    else:
                        self._read(key.fileobj)
                self._expire()
        finally:
            for sock in list(self._pending):
                self._drop(sock)
            self._selector.close()
            self._wake_r.close()
            self._wake_w.close()

    def _take_incoming(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        while True:
            try:
                sock, address = self._incoming.get_nowait()
            except queue.Empty:
                return
            while len(self._pending) >= self.max_pending:  # the connection waiting longest goes
                self._drop(next(iter(self._pending)))
            try:
                sock.setblocking(False)
                self._selector.register(sock, selectors.EVENT_READ, True)
            except (OSError, ValueError):  # reset by the client already
                sock.close()
                continue
            self._pending[sock] = _Pending(address, time.monotonic() + self.seconds)

    def _read(self, sock: socket.socket) -> None:
        pending = self._pending.get(sock)
        if pending is None:
            return
        try:
            chunk = sock.recv(16384)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(sock)
            return
        if not chunk:  # the client sent all it will send: what came is the request
            if pending.data:
                self._hand_over(sock, pending, complete=True)
            else:
                self._drop(sock)
            return
        searched_from = max(0, len(pending.data) - 3)
        pending.data += chunk
        ends = [at for at in (pending.data.find(end, searched_from) for end in _HEADER_ENDS) if at >= 0]
        if ends and min(ends) < self.max_bytes:
            self._hand_over(sock, pending, complete=True)
        elif len(pending.data) >= self.max_bytes:
            self._hand_over(sock, pending, complete=False)

    def _hand_over(self, sock: socket.socket, pending: _Pending, complete: bool) -> None:
        self._selector.unregister(sock)
        del self._pending[sock]
        try:
            self.dispatch(Received(sock, pending.address, bytes(pending.data), complete))
        except Exception:  # the server could not take it: the connection goes, the gate stays up
            sock.close()

    def _expire(self) -> None:
        now = time.monotonic()
        while self._pending:
            sock, pending = next(iter(self._pending.items()))
            if pending.deadline > now:
                return
            self._drop(sock)

    def _drop(self, sock: socket.socket) -> None:
        if self._pending.pop(sock, None) is not None:
            self._selector.unregister(sock)
        sock.close()
