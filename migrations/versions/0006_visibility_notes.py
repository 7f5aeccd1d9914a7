"""Posts say why they are not visible (to their author) and when they were first published;
notifications can carry a reason. Every post written before screening was published when
it was written.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visibility_note', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(), nullable=True))
    op.execute('UPDATE posts SET published_at = created_at')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detail', sa.String(length=300), nullable=True))


def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_column('detail')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('published_at')
        batch_op.drop_column('visibility_note')
