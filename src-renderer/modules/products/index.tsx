// STUB: being written; replaced before this lands.
import type { AppModule } from '../../app/modules';

export const productsModule: AppModule = { key: 'products', path: '/products', routes: [] };
