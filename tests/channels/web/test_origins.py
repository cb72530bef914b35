"""ALLOWED_ORIGINS: read as browsers write origins, and checked against the Origin header."""

from __future__ import annotations

import pytest

from service.channels.web.origins import normalise_origin, origin_allowed, parse_allowed_origins

OWN = "http://tutor.example.edu:8000"


@pytest.mark.parametrize(("written", "origin"), [
    ("https://course.example.edu", "https://course.example.edu"),
    ("https://course.example.edu/", "https://course.example.edu"),
    ("  HTTPS://Course.Example.EDU  ", "https://course.example.edu"),
    ("https://course.example.edu:443", "https://course.example.edu"),
    ("http://course.example.edu:80", "http://course.example.edu"),
    ("http://127.0.0.1:5500", "http://127.0.0.1:5500"),
    ("https://course.example.edu:8443", "https://course.example.edu:8443"),
    ("http://[::1]:3000", "http://[::1]:3000"),
])
def test_origins_are_normalised_as_browsers_send_them(written, origin):
    assert normalise_origin(written) == origin


@pytest.mark.parametrize("written", [
    "course.example.edu", "https://course.example.edu/dl/week3", "https://course.example.edu?x=1",
    "ftp://course.example.edu", "https://user@course.example.edu", "https://", "null",
    "https://course.example.edu:99999", "https://course.example.edu#top", "",
])
def test_what_is_not_an_origin_is_refused(written):
    with pytest.raises(ValueError, match="not an origin"):
        normalise_origin(written)


@pytest.mark.parametrize(("value", "origins"), [
    ("", ()),
    (None, ()),
    ("https://a.edu", ("https://a.edu",)),
    ("https://a.edu, http://localhost:5500 ,", ("https://a.edu", "http://localhost:5500")),
    ("https://a.edu,https://A.edu/", ("https://a.edu",)),
    (["https://a.edu", "https://b.edu"], ("https://a.edu", "https://b.edu")),
    ("*", ("*",)),
    ("https://a.edu,*", ("*",)),
])
def test_the_setting_is_a_comma_separated_list_or_a_list(value, origins):
    assert parse_allowed_origins(value) == origins


@pytest.mark.parametrize("value", ["https://a.edu,course.example.edu", ["https://a.edu", 3],
                                   "https://a.edu/week3"])
def test_a_bad_entry_names_the_setting(value):
    with pytest.raises(ValueError, match="ALLOWED_ORIGINS"):
        parse_allowed_origins(value)


@pytest.mark.parametrize(("origin", "allowed", "expected"), [
    ("https://course.example.edu", ("https://course.example.edu",), True),
    ("https://COURSE.example.edu", ("https://course.example.edu",), True),
    ("https://course.example.edu:443", ("https://course.example.edu",), True),
    ("http://course.example.edu", ("https://course.example.edu",), False),
    ("https://course.example.edu:8443", ("https://course.example.edu",), False),
    ("https://evil.example.edu", ("https://course.example.edu",), False),
    ("https://course.example.edu.evil.com", ("https://course.example.edu",), False),
    ("null", ("https://course.example.edu",), False),
    ("garbage", (), False),
    (OWN, (), True),  # the service's own pages (/demo)
    ("http://tutor.example.edu:8001", (), False),
    ("null", ("*",), True),
    ("https://anything.example", ("*",), True),
])
def test_origin_allowed(origin, allowed, expected):
    assert origin_allowed(origin, allowed, OWN) is expected


def test_a_host_header_that_makes_no_origin_matches_nothing():
    assert origin_allowed("http://x.edu", (), "http://bad host:notaport") is False
