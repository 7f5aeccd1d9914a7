"""With ``PAGE_CACHE_REDIS_URL``, what one worker renders the others read from Redis
(community/page_cache.py), and Redis failing never costs a page."""

import pytest
import redis

from community.page_cache import SharedPageCache
from tests.support.nodes import free_port

PAGE = ("thread", 42, 7, "en", 490_000, b"", "release")


@pytest.fixture
def store(redis_server_url):
    client = redis.Redis.from_url(f"{redis_server_url}/2")
    client.flushdb()
    return client


def test_a_page_one_worker_rendered_is_read_by_another(store):
    SharedPageCache(store).put(PAGE, "<main>Reset the case</main>")
    assert SharedPageCache(store).get(PAGE) == "<main>Reset the case</main>"


def test_another_version_of_the_page_is_not_read(store):
    SharedPageCache(store).put(PAGE, "<main>Reset the case</main>")
    assert SharedPageCache(store).get((*PAGE[:2], 8, *PAGE[3:])) is None


def test_what_a_worker_read_from_redis_it_keeps(store):
    SharedPageCache(store).put(PAGE, "<main>Reset the case</main>")
    worker = SharedPageCache(store)
    worker.get(PAGE)
    store.flushdb()
    assert worker.get(PAGE) == "<main>Reset the case</main>"


def test_entries_expire_in_redis(store):
    SharedPageCache(store).put(PAGE, "<main>Reset the case</main>")
    (name,) = store.keys("peerdesk:page:*")
    assert 0 < store.ttl(name) <= 2 * 3600


def test_a_worker_whose_redis_is_down_keeps_its_own_pages():
    nowhere = redis.Redis(port=free_port(), socket_connect_timeout=0.25, socket_timeout=0.25)
    worker = SharedPageCache(nowhere)
    worker.put(PAGE, "<main>Reset the case</main>")
    assert worker.get(PAGE) == "<main>Reset the case</main>"
    assert worker.get(("thread", 43)) is None


def test_two_sites_sharing_one_redis_never_share_pages(store):
    SharedPageCache(store, namespace="staging").put(PAGE, "<main>Staging</main>")
    assert SharedPageCache(store, namespace="production").get(PAGE) is None
