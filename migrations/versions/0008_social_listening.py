"""Social listening: rules, social identities, mentions (unique per source and external
id), spike alerts; threads say who asked them where ("jdoe on Stack Exchange").

Threads imported from Stack Exchange before this revision get their original author from
their opening post. The threads table gains its columns with a plain ALTER TABLE.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('listening_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('source', sa.Enum('x', 'feed', name='listening_source', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('query', sa.String(length=512), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('languages', sa.String(length=64), nullable=False),
    sa.Column('excluded_accounts', sa.Text(), nullable=False),
    sa.Column('blocked_words', sa.Text(), nullable=False),
    sa.Column('import_policy', sa.Enum('manual', 'questions', 'all', name='import_policy', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('poll_minutes', sa.Integer(), nullable=False),
    sa.Column('since_id', sa.String(length=40), nullable=True),
    sa.Column('resume_token', sa.String(length=200), nullable=True),
    sa.Column('run_newest_id', sa.String(length=40), nullable=True),
    sa.Column('next_poll_at', sa.DateTime(), nullable=True),
    sa.Column('polling_until', sa.DateTime(), nullable=True),
    sa.Column('lease', sa.String(length=16), nullable=True),
    sa.Column('last_polled_at', sa.DateTime(), nullable=True),
    sa.Column('last_success_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', sa.DateTime(), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('mentions_total', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_listening_rules_category_id_categories')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_listening_rules_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listening_rules')),
    sa.UniqueConstraint('name', name=op.f('uq_listening_rules_name'))
    )
    with op.batch_alter_table('listening_rules', schema=None) as batch_op:
        batch_op.create_index('ix_listening_rules_due', ['active', 'next_poll_at'], unique=False)

    op.create_table('social_identities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Enum('x', 'feed', name='identity_source', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('external_id', sa.String(length=120), nullable=False),
    sa.Column('handle', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('url', sa.String(length=300), nullable=True),
    sa.Column('followers', sa.Integer(), nullable=True),
    sa.Column('posts', sa.Integer(), nullable=True),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('blocked', sa.Boolean(), nullable=False),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claim_requested_at', sa.DateTime(), nullable=True),
    sa.Column('claim_confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('claim_confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['claim_confirmed_by_id'], ['users.id'], name=op.f('fk_social_identities_claim_confirmed_by_id_users')),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['users.id'], name=op.f('fk_social_identities_claimed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_identities')),
    sa.UniqueConstraint('source', 'external_id', name=op.f('uq_social_identities_source'))
    )
    with op.batch_alter_table('social_identities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_identities_claimed_by_id'), ['claimed_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_identities_handle'), ['handle'], unique=False)

    op.create_table('spike_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('baseline', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['rule_id'], ['listening_rules.id'], name=op.f('fk_spike_alerts_rule_id_listening_rules'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spike_alerts'))
    )
    with op.batch_alter_table('spike_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spike_alerts_rule_id'), ['rule_id'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Enum('x', 'feed', name='mention_source', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('identity_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=200), nullable=True),
    sa.Column('in_reply_to', sa.String(length=200), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('sentiment', sa.Double(), nullable=False),
    sa.Column('urgency', sa.Integer(), nullable=False),
    sa.Column('is_question', sa.Boolean(), nullable=False),
    sa.Column('reach', sa.Integer(), nullable=False),
    sa.Column('engagement', sa.Integer(), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=True),
    sa.Column('captured_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.Enum('new', 'imported', 'ignored', 'escalated', 'filtered', name='mention_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('filtered', sa.String(length=32), nullable=True),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('import_attempts', sa.Integer(), nullable=False),
    sa.Column('import_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_mentions_decided_by_id_users')),
    sa.ForeignKeyConstraint(['identity_id'], ['social_identities.id'], name=op.f('fk_mentions_identity_id_social_identities')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_mentions_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rule_id'], ['listening_rules.id'], name=op.f('fk_mentions_rule_id_listening_rules'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_mentions_thread_id_threads'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions')),
    sa.UniqueConstraint('source', 'external_id', name=op.f('uq_mentions_source'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_conversation', ['source', 'conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_identity_id'), ['identity_id'], unique=False)
        batch_op.create_index('ix_mentions_inbox', ['status', 'captured_at'], unique=False)
        batch_op.create_index('ix_mentions_rule_posted', ['rule_id', 'posted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_thread_id'), ['thread_id'], unique=False)

    op.add_column('threads', sa.Column('original_author', sa.String(length=120), nullable=True))
    op.add_column('threads', sa.Column('original_site', sa.String(length=80), nullable=True))
    op.execute(
        "UPDATE threads SET original_site = 'Stack Exchange', original_author = "
        "(SELECT posts.original_author FROM posts WHERE posts.thread_id = threads.id "
        "AND posts.is_opening = true) WHERE source = 'import'"
    )


def downgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_column('original_site')
        batch_op.drop_column('original_author')

    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_thread_id'))
        batch_op.drop_index('ix_mentions_rule_posted')
        batch_op.drop_index('ix_mentions_inbox')
        batch_op.drop_index(batch_op.f('ix_mentions_identity_id'))
        batch_op.drop_index('ix_mentions_conversation')

    op.drop_table('mentions')
    with op.batch_alter_table('spike_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_spike_alerts_rule_id'))

    op.drop_table('spike_alerts')
    with op.batch_alter_table('social_identities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_identities_handle'))
        batch_op.drop_index(batch_op.f('ix_social_identities_claimed_by_id'))

    op.drop_table('social_identities')
    with op.batch_alter_table('listening_rules', schema=None) as batch_op:
        batch_op.drop_index('ix_listening_rules_due')

    op.drop_table('listening_rules')
