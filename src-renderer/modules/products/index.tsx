import type { AppModule } from '../app-module';
import { ProductList } from './ProductList';
import { en, zh } from './messages';
import { ProductCreatePage, ProductEditPage, ProductFieldTablePage, ProductShowPage } from './pages';

/** 产品管理: 增加, 删除, 查找, 浏览, 修改 and 产品字段详情表. */
export const productsModule: AppModule = {
  key: 'products',
  path: '/products',
  messages: { zh, en },
  routes: [
    { path: 'products', element: <ProductList /> },
    { path: 'products/new', element: <ProductCreatePage /> },
    { path: 'products/:id', element: <ProductShowPage /> },
    { path: 'products/:id/edit', element: <ProductEditPage /> },
    { path: 'products/:id/fields', element: <ProductFieldTablePage /> },
  ],
};
