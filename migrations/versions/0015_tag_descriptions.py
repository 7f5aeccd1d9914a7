"""A tag's own description, shown on its page (/tags/<name>) and edited by moderators.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.String(length=500), server_default='',
                                      nullable=False))


def downgrade():
    # Not a batch: SQLite would copy the table and drop the old one, and with foreign keys
    # on that drop cascades to every thread's tags. SQLite drops a column itself since 3.35.
    op.drop_column('tags', 'description')
