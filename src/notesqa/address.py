"""The address a server listens on (the chat's `notesqa serve`), checked before anything heavy loads: a name that is
no address, an address not of this machine, a port in use are said at once (the error-path audit, s43: a port in use
had been said after Gradio and the model loaded, 10 s later)."""

from __future__ import annotations

from .errors import ServeError


def check_address(host: str, port: int) -> None:
    """ServeError, saying what to do, if the chat cannot listen on host:port: a name that is no
    address, an address not of this machine, a port in use."""
    import errno
    import socket

    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise ServeError(f"Cannot serve on {host!r}: it is no host name or address known here ({exc}). Pass "
                         "--host with an address of this machine (127.0.0.1, the default, or 0.0.0.0).") from None
    if family == socket.AF_INET6:  # Gradio builds its own URL from the host, which an IPv6 address breaks
        raise ServeError(f"Cannot serve on {host}: IPv6 addresses are not supported; pass --host 127.0.0.1 "
                         "(the default) or 0.0.0.0.")
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(port_in_use(host, port)) from None
            raise ServeError(f"Cannot serve on {host}:{port} ({exc.strerror or exc}): is {host} an address of this "
                             "machine? Pass --host 127.0.0.1 (the default) or 0.0.0.0.") from None


def port_in_use(host: str, port: int) -> str:
    return (f"Port {port} on {host} is in use: is notesqa (or something else) already running there? Stop it, "
            "or pass another --port.")
