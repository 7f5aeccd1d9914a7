"""Escalation: teams and their members, cases (at most one active per thread: a partial
unique index) with their timelines, and the escalation clocks the sweep reads by due time.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('teams',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('languages', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams')),
    sa.UniqueConstraint('name', name=op.f('uq_teams_name'))
    )
    op.create_table('team_categories',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_team_categories_category_id_categories'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_team_categories_team_id_teams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'category_id', name=op.f('pk_team_categories'))
    )
    op.create_table('team_members',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('available', sa.Boolean(), nullable=False),
    sa.Column('last_assigned_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_team_members_team_id_teams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_team_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'user_id', name=op.f('pk_team_members'))
    )
    op.create_table('escalation_clocks',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Enum('unanswered', 'asker_waiting', 'me_too', 'social', 'contact', 'manual', name='clock_reason', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_escalation_clocks_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', name=op.f('pk_escalation_clocks'))
    )
    with op.batch_alter_table('escalation_clocks', schema=None) as batch_op:
        batch_op.create_index('ix_escalation_clocks_due', ['due_at'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('customer_label', sa.String(length=160), nullable=True),
    sa.Column('mention_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Enum('unanswered', 'asker_waiting', 'me_too', 'social', 'contact', 'manual', name='case_reason', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('priority', sa.Enum('low', 'normal', 'high', 'urgent', name='case_priority', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('status', sa.Enum('new', 'open', 'pending', 'on_hold', 'solved', 'closed', name='case_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('first_response_due_at', sa.DateTime(), nullable=False),
    sa.Column('resolution_due_at', sa.DateTime(), nullable=False),
    sa.Column('first_responded_at', sa.DateTime(), nullable=True),
    sa.Column('paused_since', sa.DateTime(), nullable=True),
    sa.Column('paused_seconds', sa.Integer(), nullable=False),
    sa.Column('solved_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('tags', sa.String(length=300), nullable=False),
    sa.Column('form', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_cases_assignee_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['users.id'], name=op.f('fk_cases_customer_id_users')),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], name=op.f('fk_cases_mention_id_mentions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_cases_opened_by_id_users')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_cases_team_id_teams'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_cases_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_assignee', ['assignee_id', 'status'], unique=False)
        batch_op.create_index('ix_cases_customer', ['customer_id', 'opened_at'], unique=False)
        batch_op.create_index('ix_cases_queue', ['team_id', 'status', 'resolution_due_at'], unique=False)
        batch_op.create_index('uq_cases_open_thread', ['thread_id'], unique=True, sqlite_where=sa.text("status IN ('new', 'open', 'pending', 'on_hold')"), postgresql_where=sa.text("status IN ('new', 'open', 'pending', 'on_hold')"))

    op.create_table('case_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_case_events_actor_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_case_events_post_id_posts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index('ix_case_events_case', ['case_id', 'id'], unique=False)



def downgrade():
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index('ix_case_events_case')

    op.drop_table('case_events')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('uq_cases_open_thread', sqlite_where=sa.text("status IN ('new', 'open', 'pending', 'on_hold')"), postgresql_where=sa.text("status IN ('new', 'open', 'pending', 'on_hold')"))
        batch_op.drop_index('ix_cases_queue')
        batch_op.drop_index('ix_cases_customer')
        batch_op.drop_index('ix_cases_assignee')

    op.drop_table('cases')
    with op.batch_alter_table('escalation_clocks', schema=None) as batch_op:
        batch_op.drop_index('ix_escalation_clocks_due')

    op.drop_table('escalation_clocks')
    op.drop_table('team_members')
    op.drop_table('team_categories')
    op.drop_table('teams')
