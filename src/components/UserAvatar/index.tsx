import { Text } from '@tarojs/components';
import { Avatar } from '@nutui/nutui-react-taro';
import './index.scss';
import { colors } from '../../styles/colors';

export interface UserAvatarProps {
  name: string;
  src?: string | null;
  size?: 'large' | 'normal' | 'small';
  className?: string;
}

/** cloud:// file ids only resolve inside WeChat; a browser shows the initial instead. */
function displayable(src: string | null | undefined): src is string {
  if (!src) return false;
  return process.env.TARO_ENV === 'weapp' || /^(https?:)?\//.test(src);
}

/** A person's photo, or the first character of their name on a warm background. */
export function UserAvatar({ name, src, size = 'normal', className }: UserAvatarProps) {
  if (displayable(src)) return <Avatar className={className} size={size} src={src} />;
  return (
    <Avatar className={className} size={size} background={colors.primarySoft} color={colors.primary}>
      <Text className={`linli-avatar__initial linli-avatar__initial--${size}`}>{Array.from(name)[0] ?? ''}</Text>
    </Avatar>
  );
}
