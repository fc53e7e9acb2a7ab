"""The page cache's generation (config.page_cache): every write to the database
moves it on, at once and when its transaction commits, however it was made."""

from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction

from config import page_cache
from members.models import Member
from members.outbox.models import Message
from tests.factories import MemberFactory


def test_a_save_moves_the_generation_on_at_once_and_again_at_commit(db, django_capture_on_commit_callbacks):
    before = page_cache.generation()

    with django_capture_on_commit_callbacks() as at_commit:
        MemberFactory(name="Metropolis")
        during = page_cache.generation()
    for callback in at_commit:
        callback()

    assert before < during < page_cache.generation()
    assert at_commit == [page_cache.bump_generation]  # once per transaction, however many writes


def test_bulk_updates_deletes_and_raw_sql_move_it_on_too(db):
    member = MemberFactory(name="Metropolis")
    seen = [page_cache.generation()]

    Member.objects.filter(pk=member.pk).update(name="Renamed")
    seen.append(page_cache.generation())
    with connection.cursor() as cursor:
        cursor.execute("UPDATE members_member SET name = %s WHERE id = %s", ["Raw", member.pk])
    seen.append(page_cache.generation())
    Member.objects.filter(pk=member.pk).delete()
    seen.append(page_cache.generation())

    assert seen == sorted(set(seen))  # strictly rising


def test_reads_sessions_and_the_outbox_leave_it_alone(db):
    MemberFactory()
    before = page_cache.generation()

    list(Member.objects.all())
    SessionStore().create()
    Message.objects.update(attempts=1)

    assert page_cache.generation() == before


def test_a_rolled_back_write_still_moves_it_on_at_once(db):
    before = page_cache.generation()

    with transaction.atomic():
        MemberFactory()
        transaction.set_rollback(True)

    assert page_cache.generation() > before  # harmless: a page is made again


def test_it_starts_from_the_clock_when_the_cache_has_none(db):
    from django.core.cache import cache

    cache.delete(page_cache.GENERATION_KEY)

    assert page_cache.generation() > 1_600_000_000 * 10**9


def test_the_redis_cache_keeps_one_client_per_pool():
    from config.cache import RedisCache

    redis_cache = RedisCache("redis://127.0.0.1:6379/9", {})  # builds clients without connecting

    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)


def test_the_kept_page_leaves_out_indentation_but_not_where_whitespace_is_shown():
    html = (
        "<div>\n    <p>Two  spaces stay</p>\n\n   <pre>\n  indented\n    code</pre>\n"
        '  <textarea name="notes">\n  typed\n    by someone</textarea >\n  <PRE>x\n  y</PRE>  \n  end'
    )

    assert page_cache.without_indentation(html) == (
        "<div>\n<p>Two  spaces stay</p>\n<pre>\n  indented\n    code</pre>\n"
        '<textarea name="notes">\n  typed\n    by someone</textarea >\n<PRE>x\n  y</PRE>\nend'
    )
