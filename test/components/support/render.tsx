import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { TEST_PAGE_ID } from '../../mocks/taro';

/** Renders a page inside an element taro-h5 recognises as the current page (NutUI Tabs queries it). */
export function renderPage(ui: ReactElement): RenderResult {
  let container = document.getElementById(TEST_PAGE_ID);
  if (!container) {
    container = document.createElement('div');
    container.id = TEST_PAGE_ID;
    document.body.appendChild(container);
  }
  return render(ui, { container });
}
