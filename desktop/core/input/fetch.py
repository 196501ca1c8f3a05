"""An article fetched from a link, only when the user asks for it: a timeout, a size cap,
and a plain message when the page cannot be had."""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from urllib.parse import quote, urlparse

from desktop.core.input.read import MAX_BYTES, ArticleError, Source, decode_text, from_html

TIMEOUT = 20.0  # seconds
USER_AGENT = "NeutralBrief/0.1 (+article summary; fetched on the user's request)"


def is_link(text: str) -> bool:
    parts = urlparse(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text.strip()


def fetch(url: str, timeout: float = TIMEOUT, cap: int = MAX_BYTES) -> Source:
    """The article at the link (an HTML page or plain text)."""
    url = url.strip()
    if not is_link(url):
        raise ArticleError(f"{url!r} is not a web address (http:// or https://).")
    try:
        # An address as a browser shows it ("…/wiki/Москва") is sent percent-encoded.
        request = urllib.request.Request(quote(url, safe=":/?#[]@!$&'()*+,;=%~"),
                                         headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                raise ArticleError(f"{url} is {kind}, not a web page or text.")
            data = response.read(cap + 1)
    except urllib.error.HTTPError as exc:
        raise ArticleError(f"{url} could not be fetched: the site answered HTTP {exc.code} ({exc.reason}).") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise ArticleError(f"{url} did not answer within {timeout:.0f} s.") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise ArticleError(f"{url} did not answer within {timeout:.0f} s.") from exc
        if isinstance(reason, socket.gaierror):
            raise ArticleError(f"{url} could not be fetched: its site is not found (are you offline?).") from exc
        raise ArticleError(f"{url} could not be fetched: {getattr(reason, 'strerror', None) or reason}.") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:  # a bad port, a broken answer
        raise ArticleError(f"{url} could not be fetched: {exc or type(exc).__name__}.") from exc
    if len(data) > cap:
        raise ArticleError(f"{url} is larger than {cap // 2**20} MB; Neutral Brief reads pages up to that size.")
    text = decode_text(data)
    return from_html(text, url) if kind != "text/plain" else Source(text=text, url=url)
