"""Knowledge base (articles, revisions, feedback, promotion candidates), each visitor's
journey, members' products, and what imports need (source ids, credits, thread links).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:22:08.154147

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('member_products',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_member_products_category_id_categories'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['member_profiles.user_id'], name=op.f('fk_member_products_user_id_member_profiles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'category_id', name=op.f('pk_member_products'))
    )
    op.create_table('promotion_candidates',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('proposed_at', sa.DateTime(), nullable=False),
    sa.Column('dismissed_at', sa.DateTime(), nullable=True),
    sa.Column('dismissed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['dismissed_by_id'], ['users.id'], name=op.f('fk_promotion_candidates_dismissed_by_id_users')),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_promotion_candidates_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', name=op.f('pk_promotion_candidates'))
    )
    op.create_table('thread_journeys',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_thread_journeys_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', name=op.f('pk_thread_journeys'))
    )
    op.create_table('thread_links',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('linked_thread_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['linked_thread_id'], ['threads.id'], name=op.f('fk_thread_links_linked_thread_id_threads'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_thread_links_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', 'linked_thread_id', name=op.f('pk_thread_links'))
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=160), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('status', sa.Enum('draft', 'in_review', 'published', 'archived', name='article_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('current_revision_id', sa.Integer(), nullable=True),
    sa.Column('source_thread_id', sa.Integer(), nullable=True),
    sa.Column('source_post_id', sa.Integer(), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('review_reason', sa.String(length=200), nullable=False),
    sa.Column('helpful_yes', sa.Integer(), nullable=False),
    sa.Column('helpful_no', sa.Integer(), nullable=False),
    sa.Column('view_count', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_articles_author_id_users')),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_articles_category_id_categories')),
    sa.ForeignKeyConstraint(['source_post_id'], ['posts.id'], name=op.f('fk_articles_source_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_thread_id'], ['threads.id'], name=op.f('fk_articles_source_thread_id_threads'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_category_status', ['category_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_source_thread_id'), ['source_thread_id'], unique=False)

    op.create_table('article_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('visitor', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('helpful', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Enum('did_not_solve', 'inaccurate', 'unclear', 'outdated', 'other', name='feedback_reason', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('comment', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_feedback_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_article_feedback_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_feedback')),
    sa.UniqueConstraint('article_id', 'visitor', name=op.f('uq_article_feedback_article_id'))
    )
    op.create_table('article_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('state', sa.Enum('draft', 'in_review', 'approved', 'rejected', 'superseded', name='revision_state', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('redactions', sa.JSON(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('review_comment', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_revisions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_article_revisions_author_id_users')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_article_revisions_reviewer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_revisions'))
    )
    with op.batch_alter_table('article_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_revisions_article_id'), ['article_id'], unique=False)
    # articles and revisions refer to each other: the current-revision key comes once both exist.
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_articles_current_revision_id_article_revisions',
                                    'article_revisions', ['current_revision_id'], ['id'])

    op.create_table('journey_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visitor', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('step', sa.String(length=24), nullable=False),
    sa.Column('query', sa.String(length=200), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_journey_events_article_id_articles'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_journey_events_thread_id_threads'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_journey_events_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_journey_events'))
    )
    with op.batch_alter_table('journey_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journey_events_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_journey_events_visitor_time', ['visitor', 'created_at'], unique=False)
        batch_op.create_index('ix_journey_events_user_time', ['user_id', 'created_at'], unique=False)

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('original_author', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('licence', sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_posts_external_id'), ['external_id'])

    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('source_url', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('licence', sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_threads_external_id'), ['external_id'])
        batch_op.drop_constraint(op.f('ck_threads_thread_source'), type_='check')
        batch_op.create_check_constraint('thread_source',
                                         "source IN ('web', 'api', 'social', 'import')")



def downgrade():
    op.execute("DELETE FROM threads WHERE source = 'import'")
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_threads_thread_source'), type_='check')
        batch_op.create_check_constraint('thread_source', "source IN ('web', 'api', 'social')")
        batch_op.drop_constraint(batch_op.f('uq_threads_external_id'), type_='unique')
        batch_op.drop_column('licence')
        batch_op.drop_column('source_url')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_posts_external_id'), type_='unique')
        batch_op.drop_column('licence')
        batch_op.drop_column('original_author')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('journey_events', schema=None) as batch_op:
        batch_op.drop_index('ix_journey_events_visitor_time')
        batch_op.drop_index('ix_journey_events_user_time')
        batch_op.drop_index(batch_op.f('ix_journey_events_created_at'))

    op.drop_table('journey_events')
    with op.batch_alter_table('article_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_revisions_article_id'))

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_constraint('fk_articles_current_revision_id_article_revisions',
                                 type_='foreignkey')
    op.drop_table('article_revisions')
    op.drop_table('article_feedback')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_source_thread_id'))
        batch_op.drop_index('ix_articles_category_status')

    op.drop_table('articles')
    op.drop_table('thread_links')
    op.drop_table('thread_journeys')
    op.drop_table('promotion_candidates')
    op.drop_table('member_products')
