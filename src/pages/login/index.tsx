import { PageRoot } from '../../components/PageRoot';
import { SignIn } from './SignIn';
import './index.scss';

/**
 * Sign-in. H5 (local cloud): demo residents with one tap, or a new resident (nickname, then
 * community). weapp (SignIn.weapp.tsx, picked by Taro's platform file resolution): WeChat has
 * already identified the user, so this is the avatar-and-nickname profile form with the privacy flow.
 */
export default function LoginPage() {
  return (
    <PageRoot titleKey={process.env.TARO_ENV === 'weapp' ? 'titles.profile' : 'titles.login'} className='login'>
      <SignIn />
    </PageRoot>
  );
}
