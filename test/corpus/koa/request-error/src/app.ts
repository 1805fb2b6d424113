import Koa from 'koa';
import errorHandler from '#src/middleware/error-handler.js';
import profile from '#src/routes/profile.js';

const app = new Koa();
app.use(errorHandler());
app.use(profile.routes());
app.listen(3000);
