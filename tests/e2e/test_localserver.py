"""free_port, which the real-server tests, benchmarks and `make eval` start the service on."""

from __future__ import annotations

import socket

import pytest

from service.localserver import free_port


def _port_left_in_time_wait() -> int:
    """A port whose server closed a connection first: that end of it waits in TIME_WAIT for a minute."""
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port: int = listener.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)) as client:
            accepted, _ = listener.accept()
            accepted.close()
            client.recv(1)  # the server's FIN
    return port


def test_a_port_in_time_wait_is_free_for_the_next_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """uvicorn binds with SO_REUSEADDR, so such a port serves at once; a confined range (ENRICH_TEST_PORTS)
    must not run out of ports because the previous server on it has just stopped."""
    port = _port_left_in_time_wait()
    monkeypatch.setenv("ENRICH_TEST_PORTS", f"{port}-{port}")
    assert free_port() == port


def test_a_listening_port_is_not_free(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        monkeypatch.setenv("ENRICH_TEST_PORTS", f"{port}-{port}")
        with pytest.raises(RuntimeError):
            free_port()
