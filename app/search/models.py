"""Search tables: the editable synonym list (every backend) and the PostgreSQL backend's
documents, vocabulary and term frequencies.

``search_documents``, ``search_words`` and ``search_terms`` are used only when ``SEARCH_BACKEND`` is
"postgresql"; they exist on every database so that one schema (and one migration) serves
both, and stay empty elsewhere. What only PostgreSQL can hold is created only there: the
``tsvector`` type (the ``vector`` column is plain, empty text on SQLite), the GIN indexes
and the ``pg_trgm`` extension the vocabulary's index needs. Those indexes are declared as
expressions with ``ddl_if``, so ``create_all`` skips them on SQLite and Alembic, which
cannot compare expression indexes there, does not ask for them either.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, Index, String, Text, event, literal_column, text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db

TERMS_MAX = 500  # characters in one synonym group, as stored


class SynonymGroup(db.Model):
    """Words that mean the same to a customer, e.g. "earbuds, buds, earphones, auricolari".

    One row per group (a line of the admin page), in the order they were written; each term
    is lowercase and may be a few words ("wi fi"). A query word expands to its whole group.
    """

    __tablename__ = "search_synonyms"

    id: Mapped[int] = mapped_column(primary_key=True)
    terms: Mapped[str] = mapped_column(String(TERMS_MAX))  # comma-separated

    @property
    def term_list(self) -> list[str]:
        return split_terms(self.terms)


def split_terms(terms: str) -> list[str]:
    return [term for term in terms.split(",") if term]


class SearchDocument(db.Model):
    """One searchable item for the PostgreSQL backend: its text, its filters and the
    weighted ``tsvector`` (title A, tags B, replies C, question or article D) built from them in
    the language's configuration (english or italian); ``title_vector`` holds the title's
    and tags' part of it alone, indexed apart, so that a query can match a common word in
    titles without reading every text that holds it (postgres_query.py)."""

    __tablename__ = "search_documents"
    __table_args__ = (
        Index("ix_search_documents_vector", text("vector"),
              postgresql_using="gin").ddl_if(dialect="postgresql"),
        Index("ix_search_documents_title_vector", text("title_vector"),
              postgresql_using="gin").ddl_if(dialect="postgresql"),
    )

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # "thread:12"
    kind: Mapped[str] = mapped_column(String(16))
    ident: Mapped[int]
    language: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(80))
    solved: Mapped[bool]
    boost: Mapped[float]
    title: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)
    replies: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    vector: Mapped[str | None] = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))
    title_vector: Mapped[str | None] = mapped_column(
        Text().with_variant(TSVECTOR(), "postgresql"))
    # Database time of the last write: a reindex never overwrites a document written after
    # it started, and removes the ones it did not write (see postgres_backend.rebuilding).
    indexed_at: Mapped[datetime]


class SearchWord(db.Model):
    """The words of the indexed text with the number of documents holding each, for
    "did you mean": an unknown query word is replaced by the closest frequent one."""

    __tablename__ = "search_words"
    __table_args__ = (
        Index("ix_search_words_trigram", literal_column("word").label("word_trigram"),
              postgresql_using="gin",
              postgresql_ops={"word_trigram": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
    )

    word: Mapped[str] = mapped_column(String(64), primary_key=True)
    documents: Mapped[int]


class SearchTerm(db.Model):
    """Every lexeme of the documents' vectors with the number of documents holding it,
    and of those holding it in their title or tags: a query's word frequencies without
    counting matches (the lexeme "" counts the documents). They choose what a query
    matches and where (postgres_query.py)."""

    __tablename__ = "search_terms"

    lexeme: Mapped[str] = mapped_column(Text, primary_key=True)
    documents: Mapped[int]
    titles: Mapped[int] = mapped_column(server_default="0")


event.listen(SearchWord.__table__, "before_create",
             DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"))
