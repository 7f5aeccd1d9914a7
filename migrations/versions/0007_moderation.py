"""Moderation: trust levels and visits, watched words, the spam model, the review queue
(items, reasons, decisions), flags, sanctions, the audit log; members' read-only time.

The unique index on flags covers open flags only (a partial index on both databases).
The users table gains a column with a plain ALTER TABLE, never a batch rebuild: a rebuild
on SQLite would lose its lower() unique indexes. Members who already posted start at trust
level 1.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('spam_corpora',
    sa.Column('name', sa.String(length=8), nullable=False),
    sa.Column('spam_docs', sa.Double(), nullable=False),
    sa.Column('ham_docs', sa.Double(), nullable=False),
    sa.Column('decisions', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_spam_corpora'))
    )
    op.create_table('spam_tokens',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('corpus', sa.String(length=8), nullable=False),
    sa.Column('spam', sa.Double(), nullable=False),
    sa.Column('ham', sa.Double(), nullable=False),
    sa.PrimaryKeyConstraint('token', 'corpus', name=op.f('pk_spam_tokens'))
    )
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_entries_actor_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entries_action', ['action', 'created_at'], unique=False)
        batch_op.create_index('ix_audit_entries_actor', ['actor_id', 'created_at'], unique=False)
        batch_op.create_index('ix_audit_entries_created', ['created_at'], unique=False)
        batch_op.create_index('ix_audit_entries_target', ['target_type', 'target_id'], unique=False)

    op.create_table('member_trust',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('days_visited', sa.Integer(), nullable=False),
    sa.Column('threads_read', sa.Integer(), nullable=False),
    sa.Column('replies', sa.Integer(), nullable=False),
    sa.Column('helpful_received', sa.Integer(), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('flags_agreed', sa.Integer(), nullable=False),
    sa.Column('flags_disagreed', sa.Integer(), nullable=False),
    sa.Column('spam_confirmed', sa.Integer(), nullable=False),
    sa.Column('promoted_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_member_trust_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_member_trust'))
    )
    op.create_table('member_visits',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('threads_read', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_member_visits_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'day', name=op.f('pk_member_visits'))
    )
    op.create_table('watched_words',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pattern', sa.String(length=100), nullable=False),
    sa.Column('action', sa.Enum('block', 'require_approval', 'censor', 'flag', name='word_action', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('is_regex', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_watched_words_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_watched_words'))
    )
    with op.batch_alter_table('watched_words', schema=None) as batch_op:
        batch_op.create_index('uq_watched_words_pattern_action', ['pattern', 'action'], unique=True)

    op.create_table('review_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('question', 'reply', 'edit', name='review_item_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', 'deleted', 'spam', name='review_item_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('spam_score', sa.Double(), nullable=True),
    sa.Column('hidden_by_flags', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_review_items_author_id_users')),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_review_items_category_id_categories')),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['users.id'], name=op.f('fk_review_items_claimed_by_id_users')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_review_items_post_id_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_review_items_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_items')),
    sa.UniqueConstraint('post_id', name=op.f('uq_review_items_post_id'))
    )
    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_items_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_items_category_id'), ['category_id'], unique=False)
        batch_op.create_index('ix_review_items_queue', ['status', 'score', 'queued_at'], unique=False)
        batch_op.create_index('ix_review_items_status_queued', ['status', 'queued_at'], unique=False)

    op.create_table('spam_examples',
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('is_spam', sa.Boolean(), nullable=False),
    sa.Column('tokens', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_spam_examples_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('post_id', name=op.f('pk_spam_examples'))
    )
    op.create_table('review_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.Enum('approve', 'edit_approve', 'reject', 'delete', 'spam', name='decision_action', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('before_visibility', sa.String(length=16), nullable=False),
    sa.Column('before_note', sa.String(length=300), nullable=True),
    sa.Column('before_status', sa.String(length=16), nullable=False),
    sa.Column('after_visibility', sa.String(length=16), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=True),
    sa.Column('learnt', sa.String(length=8), nullable=False),
    sa.Column('previous_label', sa.String(length=8), nullable=True),
    sa.Column('previous_tokens', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('undo_until', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['review_items.id'], name=op.f('fk_review_decisions_item_id_review_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['users.id'], name=op.f('fk_review_decisions_moderator_id_users')),
    sa.ForeignKeyConstraint(['revision_id'], ['post_revisions.id'], name=op.f('fk_review_decisions_revision_id_post_revisions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['undone_by_id'], ['users.id'], name=op.f('fk_review_decisions_undone_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_decisions'))
    )
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.create_index('ix_review_decisions_created', ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_decisions_item_id'), ['item_id'], unique=False)

    op.create_table('sanctions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('silence', 'suspend', 'ban', name='sanction_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('lifted_at', sa.DateTime(), nullable=True),
    sa.Column('lifted_by_id', sa.Integer(), nullable=True),
    sa.Column('lift_reason', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_sanctions_created_by_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['review_items.id'], name=op.f('fk_sanctions_item_id_review_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['lifted_by_id'], ['users.id'], name=op.f('fk_sanctions_lifted_by_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sanctions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sanctions'))
    )
    with op.batch_alter_table('sanctions', schema=None) as batch_op:
        batch_op.create_index('ix_sanctions_user_active', ['user_id', 'lifted_at'], unique=False)

    op.create_table('flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('flagger_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('spam', 'rude', 'off_topic', 'duplicate', 'other', name='flag_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('message', sa.String(length=500), nullable=False),
    sa.Column('weight', sa.Double(), nullable=False),
    sa.Column('status', sa.Enum('open', 'agreed', 'disagreed', name='flag_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decision_id'], ['review_decisions.id'], name=op.f('fk_flags_decision_id_review_decisions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['flagger_id'], ['users.id'], name=op.f('fk_flags_flagger_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_flags_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flags'))
    )
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.create_index('ix_flags_flagger_created', ['flagger_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_flags_post_id'), ['post_id'], unique=False)
        batch_op.create_index('uq_flags_open_post_flagger', ['post_id', 'flagger_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    op.create_table('review_reasons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=140), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('flag_id', sa.Integer(), nullable=True),
    sa.Column('settled', sa.Boolean(), nullable=False),
    sa.Column('settled_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['flag_id'], ['flags.id'], name=op.f('fk_review_reasons_flag_id_flags'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['review_items.id'], name=op.f('fk_review_reasons_item_id_review_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['settled_by_id'], ['review_decisions.id'], name=op.f('fk_review_reasons_settled_by_id_review_decisions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_reasons'))
    )
    with op.batch_alter_table('review_reasons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_reasons_item_id'), ['item_id'], unique=False)

    op.add_column('users', sa.Column('read_only_until', sa.DateTime(), nullable=True))
    # Members who already took part are not newcomers: their next post must not wait as a
    # first post, nor meet a new member's limits. The trust job raises them further.
    op.execute(
        "INSERT INTO member_trust (user_id, level, locked, days_visited, threads_read, "
        "replies, helpful_received, accepted, flags_agreed, flags_disagreed, spam_confirmed, "
        "updated_at) SELECT users.id, 1, FALSE, 0, 0, 0, 0, 0, 0, 0, 0, CURRENT_TIMESTAMP "
        "FROM users WHERE users.role = 'member' AND users.is_active = TRUE AND EXISTS "
        "(SELECT 1 FROM posts WHERE posts.author_id = users.id "
        "AND posts.visibility = 'visible')")


def downgrade():
    # Not in batch mode: rebuilding the users table on SQLite would lose its lower()
    # unique indexes, which SQLite cannot reflect. SQLite drops a column itself since 3.35.
    op.drop_column('users', 'read_only_until')

    with op.batch_alter_table('review_reasons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_reasons_item_id'))

    op.drop_table('review_reasons')
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_index('uq_flags_open_post_flagger', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f('ix_flags_post_id'))
        batch_op.drop_index('ix_flags_flagger_created')

    op.drop_table('flags')
    with op.batch_alter_table('sanctions', schema=None) as batch_op:
        batch_op.drop_index('ix_sanctions_user_active')

    op.drop_table('sanctions')
    with op.batch_alter_table('review_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_decisions_item_id'))
        batch_op.drop_index('ix_review_decisions_created')

    op.drop_table('review_decisions')
    op.drop_table('spam_examples')
    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.drop_index('ix_review_items_status_queued')
        batch_op.drop_index('ix_review_items_queue')
        batch_op.drop_index(batch_op.f('ix_review_items_category_id'))
        batch_op.drop_index(batch_op.f('ix_review_items_author_id'))

    op.drop_table('review_items')
    with op.batch_alter_table('watched_words', schema=None) as batch_op:
        batch_op.drop_index('uq_watched_words_pattern_action')

    op.drop_table('watched_words')
    op.drop_table('member_visits')
    op.drop_table('member_trust')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_target')
        batch_op.drop_index('ix_audit_entries_created')
        batch_op.drop_index('ix_audit_entries_actor')
        batch_op.drop_index('ix_audit_entries_action')

    op.drop_table('audit_entries')
    op.drop_table('spam_tokens')
    op.drop_table('spam_corpora')
