/**
 * The privacy notice is WeChat's: on H5 (what these jsdom tests run) neither PageRoot nor the
 * popup renders anything of it, and no listener is registered. The weapp side is in
 * test/weapp/wechat.weapp.test.ts (the built package, a non-login page).
 */
import { render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PageRoot } from '../../src/components/PageRoot';
import { PrivacyPopup } from '../../src/components/PrivacyPopup';

it('renders nothing and asks WeChat nothing on H5', () => {
  const listen = jest.fn();
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: unknown };
  const saved = taro.onNeedPrivacyAuthorization;
  taro.onNeedPrivacyAuthorization = listen;
  try {
    const alone = render(<PrivacyPopup />);
    expect(alone.container.innerHTML).toBe('');
    const page = render(<PageRoot titleKey='titles.settings'>content</PageRoot>);
    expect(page.container.querySelector('.linli-privacy')).toBeNull();
    expect(page.container.textContent).toBe('content');
    expect(listen).not.toHaveBeenCalled();
  } finally {
    taro.onNeedPrivacyAuthorization = saved;
  }
});
