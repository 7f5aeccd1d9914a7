"""Product areas in every language: names and descriptions besides the default language's
columns, as {"it": {"name": ..., "description": ...}} (edited by admins at /admin/areas),
and ``label_version``, raised when an area is renamed: thread pages name their area in
the breadcrumb, and are cached by it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('translations', sa.JSON(), server_default='{}',
                                      nullable=False))
        batch_op.add_column(sa.Column('label_version', sa.Integer(), server_default='0',
                                      nullable=False))


def downgrade():
    # Not a batch: SQLite would copy the table, and the threads' triggers that name
    # categories (0014) fail while it is renamed. SQLite drops a column itself since 3.35.
    op.drop_column('categories', 'label_version')
    op.drop_column('categories', 'translations')
