"""Jobs set failing items aside: attempts and the last error on notifications, a table for
other jobs' items; titles stored with control characters are made one clean line.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""
import unicodedata

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_attempts', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('email_error', sa.Text(), nullable=True))
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column('email_attempts', server_default=None)
    op.create_table('job_item_failures',
    sa.Column('job', sa.String(length=80), nullable=False),
    sa.Column('item', sa.String(length=120), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('first_failed_at', sa.DateTime(), nullable=False),
    sa.Column('last_failed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('job', 'item', name=op.f('pk_job_item_failures'))
    )
    for table in ('threads', 'post_revisions', 'article_revisions'):
        _clean_titles(table)


def _clean_titles(table: str) -> None:
    """A line break in a title became a header line in e-mails; titles are one line now."""
    connection = op.get_bind()
    rows = connection.execute(sa.text(f'SELECT id, title FROM {table} '  # noqa: S608
                                      'WHERE title IS NOT NULL')).all()
    for ident, title in rows:
        cleaned = ' '.join(''.join(
            ' ' if unicodedata.category(char) in ('Cc', 'Cs') or char in '\u2028\u2029'
            else char for char in title).split())
        if cleaned != title:
            connection.execute(sa.text(f'UPDATE {table} SET title = :title '  # noqa: S608
                                       'WHERE id = :id'), {'title': cleaned, 'id': ident})


def downgrade():
    op.drop_table('job_item_failures')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_column('email_error')
        batch_op.drop_column('email_attempts')
