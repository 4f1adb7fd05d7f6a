import type { AppModule } from '../app-module';
import { HomePage } from './HomePage';
import { en, zh } from './messages';

export const homeModule: AppModule = {
  key: 'home',
  path: '/',
  messages: { zh, en },
  routes: [{ index: true, element: <HomePage /> }],
};
