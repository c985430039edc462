import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Clock, Notice, Plus } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { PostView } from '../../shared/schemas/posts';
import { call } from '../../services/cloud';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListFooter } from '../../components/ListFooter';
import { ReportLink } from '../../components/ReportLink';
import { UserAvatar } from '../../components/UserAvatar';
import { errorMessage } from '../../hooks/useAsync';
import { useGroupChanges } from '../../hooks/useGroupChanges';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDateTime } from '../../utils/registryFormat';
import { leaderPath } from '../../utils/registryRoutes';
import './registry.scss';
import { colors } from '../../styles/colors';

const PAGE_SIZE = 10;

/**
 * The group's announcements, newest first, ten at a time. Text shows at once; photos only
 * after the image check (authors and leaders see how many still wait). A failure stays inside
 * the section: the rest of the group page is still useful.
 */
export function PostsFeed({ group }: { group: GroupDetail }) {
  const { t } = useI18n();
  // Applications have no announcements; dissolved groups keep theirs for members.
  const enabled = group.status !== 'pending' && group.status !== 'rejected';
  const posts = usePaged((offset) => call('posts.list', { groupId: group.id, offset, limit: PAGE_SIZE }), (post) => post.id, [group.id], { enabled });
  const [removing, setRemoving] = useState<PostView | null>(null);

  useGroupChanges(group.id, () => {
    if (enabled) void posts.refresh();
  });

  if (!enabled) return null;

  const remove = async () => {
    if (!removing) return;
    try {
      await call('posts.remove', { postId: removing.id });
      posts.setItems(posts.items.filter((post) => post.id !== removing.id));
      Taro.showToast({ title: t('registry.feed.removed'), icon: 'none' }).catch(() => undefined);
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    }
  };

  const body = () => {
    if (posts.loading && !posts.loaded) return <View className='group-feed__state' aria-busy='true'>{t('common.loading')}</View>;
    if (posts.error) {
      return (
        <View className='group-feed__state group-feed__state--error' role='alert' onClick={() => void posts.refresh()}>
          <Text>{posts.error}</Text>
          <Text className='group-feed__retry'>{t('common.retry')}</Text>
        </View>
      );
    }
    if (posts.items.length === 0) {
      return (
        <View className='group-feed__state group-feed__empty'>
          <Text className='group-feed__empty-title'>{t('registry.feed.empty')}</Text>
          <Text>{t('registry.feed.emptyHint')}</Text>
        </View>
      );
    }
    return (
      <>
        {posts.items.map((post) => (
          <PostCard key={post.id} post={post} onRemove={() => setRemoving(post)} />
        ))}
        {posts.hasMore || posts.loadingMore || posts.moreError ? (
          <ListFooter hasMore={posts.hasMore} loadingMore={posts.loadingMore} error={posts.moreError} onLoadMore={() => void posts.loadMore()} />
        ) : null}
      </>
    );
  };

  return (
    <View className='linli-section group-feed'>
      <View className='linli-section__title'>
        <View className='group-feed__title'>
          <Notice size={18} color={colors.primary} />
          <Text>{t('registry.feed.title')}</Text>
        </View>
        {group.abilities.includes('posts.create') ? (
          <Button className='group-feed__new' size='small' type='primary' fill='outline' icon={<Plus size={14} />} onClick={() => void Taro.navigateTo({ url: leaderPath('post', group.id) }).catch(() => undefined)}>
            {t('registry.manage.post')}
          </Button>
        ) : null}
      </View>
      {body()}
      <ConfirmDialog
        visible={removing !== null}
        title={t('registry.feed.removeTitle')}
        message={t('registry.feed.removeMessage')}
        confirmText={t('registry.feed.remove')}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </View>
  );
}

function PostCard({ post, onRemove }: { post: PostView; onRemove: () => void }) {
  const { t } = useI18n();
  const preview = (current: string) => {
    Taro.previewImage({ current, urls: post.images }).catch(() => undefined);
  };
  return (
    <View className='linli-card group-post' data-post-id={post.id}>
      <View className='group-post__head'>
        <UserAvatar name={post.author.nickname} src={post.author.avatar} size='small' />
        <View className='group-post__who'>
          <Text className='group-post__author'>{post.author.nickname}</Text>
          <Text className='group-post__time'>{formatDateTime(post.createdAt)}</Text>
        </View>
        {/* Whoever may remove a post (author, leaders, staff) removes it; others report it. */}
        {post.abilities.includes('posts.remove') ? (
          <Text className='group-post__remove' onClick={onRemove}>
            {t('registry.feed.remove')}
          </Text>
        ) : (
          <ReportLink className='group-post__report' type='post' id={post.id} title={post.text} groupId={post.groupId} />
        )}
      </View>
      <Text className='group-post__text'>{post.text}</Text>
      {post.images.length > 0 ? (
        <View className={`group-post__images group-post__images--${Math.min(post.images.length, 3)}`}>
          {post.images.map((url) => (
            <Image key={url} className='group-post__image' src={url} mode='aspectFill' lazyLoad ariaLabel={t('registry.feed.imageAlt')} onClick={() => preview(url)} />
          ))}
        </View>
      ) : null}
      {post.imagesPending > 0 ? (
        <View className='group-post__pending'>
          <Clock size={14} color={colors.warning} />
          <Text>{t('registry.feed.imagesPending', { count: post.imagesPending })}</Text>
        </View>
      ) : null}
    </View>
  );
}
