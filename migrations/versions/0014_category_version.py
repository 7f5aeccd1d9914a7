"""Lists a shared cache may keep: each category counts the changes to its threads and
articles in ``version`` (and when the last was in ``changed_at``), kept by triggers on
both tables, so the home page, product areas and knowledge-base lists carry an ETag from
one small query (community/versions.py, where the same statements live for create_all).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

TABLES = {
    "threads": "version, category_id",
    "articles": ("status, current_revision_id, category_id, slug, language, helpful_yes, "
                 "helpful_no, updated_at, published_at"),
}
SQLITE_BUMP = ("UPDATE categories SET version = version + 1, changed_at = CURRENT_TIMESTAMP"
               " WHERE id IN ({ids});")
SQLITE_TRIGGERS = (
    ("inserted", "INSERT", "NEW.category_id"),
    ("updated", "UPDATE OF {columns}", "NEW.category_id, OLD.category_id"),
    ("deleted", "DELETE", "OLD.category_id"),
)
POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION bump_category_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE categories SET version = version + 1, changed_at = now() AT TIME ZONE 'utc'
    WHERE id = OLD.category_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.category_id <> OLD.category_id) THEN
    UPDATE categories SET version = version + 1, changed_at = now() AT TIME ZONE 'utc'
    WHERE id = NEW.category_id;
  END IF;
  RETURN NULL;
END $$;
"""


def upgrade():
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('changed_at', sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRESQL_FUNCTION)
        for table, columns in TABLES.items():
            op.execute(f"CREATE TRIGGER {table}_category_version AFTER INSERT OR DELETE OR "
                       f"UPDATE OF {columns} ON {table} FOR EACH ROW "
                       "EXECUTE FUNCTION bump_category_version()")
        return
    for table, columns in TABLES.items():
        for name, when, ids in SQLITE_TRIGGERS:
            op.execute(f"CREATE TRIGGER {table}_version_{name} AFTER "
                       f"{when.format(columns=columns)} ON {table} BEGIN "
                       f"{SQLITE_BUMP.format(ids=ids)} END")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_category_version ON {table}")
        op.execute("DROP FUNCTION bump_category_version()")
    else:
        for table in TABLES:
            for name, _when, _ids in SQLITE_TRIGGERS:
                op.execute(f"DROP TRIGGER {table}_version_{name}")
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_column('changed_at')
        batch_op.drop_column('version')
