"""The Open Server Project dialog's two views of a location: a URL and its fields."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from psycopg.conninfo import conninfo_to_dict

from annotator.core.server_url_fields import ServerFields, fields_of, url_of
from annotator.core.server_urls import ServerLocation


@pytest.mark.parametrize(
    ("fields", "url"),
    [
        (ServerFields("db.example.org", "", "news", "amal"), "postgresql://amal@db.example.org/news"),
        (ServerFields("db.example.org", "5432", "news", ""), "postgresql://db.example.org/news"),
        (ServerFields("10.0.0.7", "5433", "news", "amal"), "postgresql://amal@10.0.0.7:5433/news"),
        (ServerFields("::1", "5433", "news", ""), "postgresql://[::1]:5433/news"),
        (ServerFields("/var/run/postgresql", "5433", "news", "amal"),
         "postgresql://amal@/news?host=/var/run/postgresql&port=5433"),
        (ServerFields("h", "", "أخبار", "كريم"),
         "postgresql://%D9%83%D8%B1%D9%8A%D9%85@h/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1"),
    ],
)  # fmt: skip
def test_fields_make_the_url_libpq_reads_and_back(fields: ServerFields, url: str) -> None:
    assert url_of(fields) == url
    expected = fields if fields.port != "5432" else ServerFields(fields.host, "", "news", "")
    assert fields_of(url) == expected
    params = conninfo_to_dict(url)  # what libpq will connect to
    assert params["dbname"] == fields.database
    assert params.get("host", "") == fields.host
    assert params.get("user", "") == fields.user


def test_changing_a_field_keeps_the_options_and_a_typed_password() -> None:
    typed = "postgresql://amal:s%40cret@old.example.org/news?sslmode=verify-full&host=ignored"
    changed = url_of(ServerFields("new.example.org", "", "news", "amal"), keep_of=typed)
    assert changed == "postgresql://amal:s%40cret@new.example.org/news?sslmode=verify-full"
    assert ServerLocation(changed).shown == "postgresql://amal@new.example.org/news?sslmode=verify-full"


def test_what_is_not_a_server_url_has_no_fields() -> None:
    assert fields_of("/home/amal/news.annproj") == ServerFields()
    assert fields_of("postgresql://amal@h:5433/") == ServerFields("h", "5433", "", "amal")


_names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).map(
    str.strip
).filter(bool)
_hosts = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z]{2,5}){0,2}", fullmatch=True),
    st.from_regex(r"/[a-z]{1,8}(/[a-z_]{1,8}){0,2}", fullmatch=True),
)


@given(
    host=_hosts,
    port=st.one_of(st.just(""), st.integers(1, 65535).map(str)),
    database=_names,
    user=st.one_of(st.just(""), _names),
)
def test_any_fields_survive_the_url(host: str, port: str, database: str, user: str) -> None:
    fields = ServerFields(host, port, database, user)
    back = fields_of(url_of(fields))
    assert back == ServerFields(host, "" if port == "5432" else port, database, user)
