"""Areas that take no questions: ``categories.takes_questions`` is false for an area that only
receives threads brought in from elsewhere (social mentions); members cannot ask there.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    # Not a batch: SQLite would copy the table, and the threads' triggers that name
    # categories (0014) fail while it is renamed. SQLite adds a column with a default itself.
    op.add_column('categories', sa.Column('takes_questions', sa.Boolean(),
                                          server_default=sa.true(), nullable=False))


def downgrade():
    op.drop_column('categories', 'takes_questions')
