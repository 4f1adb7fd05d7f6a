// STUB: being written; replaced before this lands.
import type { AppModule } from '../../app/modules';

export const homeModule: AppModule = { key: 'home', path: '/', routes: [] };
