import { Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';

export interface ListFooterProps {
  hasMore: boolean;
  loadingMore: boolean;
  error: string | null;
  onLoadMore: () => void;
}

/**
 * The end of a paged list. Reaching the bottom loads the next page by itself; the tappable
 * "load more" is there too for whoever cannot scroll precisely (and after a failed page).
 */
export function ListFooter({ hasMore, loadingMore, error, onLoadMore }: ListFooterProps) {
  const { t } = useI18n();
  if (loadingMore) {
    return (
      <View className='linli-list-footer' aria-busy='true'>
        <Loading type='circular'>{t('common.loadingMore')}</Loading>
      </View>
    );
  }
  if (error) {
    return (
      <View className='linli-list-footer linli-list-footer--error' role='button' onClick={onLoadMore}>
        <Text>{error}</Text>
        <Text className='linli-list-footer__action'>{t('common.retry')}</Text>
      </View>
    );
  }
  if (hasMore) {
    return (
      <View className='linli-list-footer linli-list-footer--more' role='button' onClick={onLoadMore}>
        <Text className='linli-list-footer__action'>{t('common.loadMore')}</Text>
      </View>
    );
  }
  return (
    <View className='linli-list-footer linli-list-footer--end'>
      <Text>{t('common.noMore')}</Text>
    </View>
  );
}
