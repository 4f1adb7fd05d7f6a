// STUB: being written; replaced before this lands.
import type { AppModule } from '../../app/modules';

export const salesModule: AppModule = { key: 'sales', path: '/sales', routes: [] };
