import ts from 'typescript';
// NestJS: exceptions (`throw new UnauthorizedException()`, `HttpException` with `HttpStatus`) and
// guards that return false (exceptions.ts), `@HttpCode`/`@Header` decorators
// (decorators.ts), the platform's response where Nest code holds it (response.ts), and
// @nestjs/passport's AuthGuard (passport-guard.ts).
// Read only in files that import @nestjs/*: the class and decorator names are Nest's only there.
// Files of resolvers and gateways are not read: their exceptions never become an HTTP status.
import type { FrameworkAdapter } from '../../adapter';
import { httpCodeSetter } from './decorators';
import { exceptionSetter, guardRefusalSetter } from './exceptions';
import { passportGuardSetter } from './passport-guard';
import { platformResponseHeaderWrites, platformResponseSetter } from './response';

/** Nest transports that turn an HttpException into something other than an HTTP status: a
 * GraphQL error in a 200 response, a WebSocket or microservice message. */
const NOT_HTTP = /^@nestjs\/(graphql|websockets|microservices)$/;

export const nestjsAdapter: FrameworkAdapter = {
  framework: 'nestjs',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.Decorator, ts.SyntaxKind.ReturnStatement],
  appliesTo: (facts) => facts.frameworks.has('nestjs') && ![...facts.modules].some((module) => NOT_HTTP.test(module)),
  statusSetterAt: (node, consts) => exceptionSetter(node, consts) ?? httpCodeSetter(node, consts) ?? platformResponseSetter(node) ?? guardRefusalSetter(node) ?? passportGuardSetter(node),
  headerWritesAt: (node, consts) => platformResponseHeaderWrites(node, consts),
};
