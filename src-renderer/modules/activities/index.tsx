// STUB: being written; replaced before this lands.
import type { AppModule } from '../../app/modules';

export const activitiesModule: AppModule = { key: 'activities', path: '/activities', routes: [] };
