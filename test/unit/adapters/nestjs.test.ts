import { ruleTester } from '../rule-tester';

const IMPORTS = `import { Controller, ForbiddenException, Get, Header, HttpCode, HttpException, HttpStatus, Req, Res, UnauthorizedException } from '@nestjs/common';`;

/** A controller method whose body is `body`. */
const controller = (body: string, imports = IMPORTS) => `${imports}

@Controller('me')
export class MeController {
  @Get()
  me(@Req() req) {
${body}
  }
}
`;

/** A guard whose `canActivate` body is `body`. */
const guard = (body: string, imports = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';`) => `${imports}

@Injectable()
export class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
${body}
  }
}
`;

const EXCEPTION_FILTER = "set WWW-Authenticate in an exception filter";


/** A filter of the same file that catches `caught` and sets `header`, applied with `uses` on the
 * controller class or on its handler, or not at all. */
const filtered = (caught: string, header: string, where: 'class' | 'method' | 'nowhere', uses = '@UseFilters(ChallengeFilter)') => `import { ArgumentsHost, Catch, Controller, ExceptionFilter, ForbiddenException, Get, UnauthorizedException, UseFilters } from '@nestjs/common';

@Catch(${caught})
export class ChallengeFilter implements ExceptionFilter {
  catch(exception, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(exception.getStatus()).set('${header}', 'Bearer realm="api"').json(exception.getResponse());
  }
}

${where === 'class' ? `${uses}\n` : ''}@Controller('me')
export class MeController {
  ${where === 'method' ? `${uses}\n  ` : ''}@Get()
  me() {
    throw new UnauthorizedException();
  }
}
`;

ruleTester('missing-www-authenticate', {
  valid: [
    controller(`    throw new ForbiddenException('Admins only');`),
    controller(`    throw new HttpException('Admins only', HttpStatus.FORBIDDEN);`),
    // @HttpCode with @Header on the same method, in any case
    `${IMPORTS}\n@Controller()\nexport class C {\n  @Get('login')\n  @HttpCode(401)\n  @Header('www-authenticate', 'Bearer realm="api"')\n  login() {\n    return { error: 'log in' };\n  }\n}\n`,
    `${IMPORTS}\n@Controller()\nexport class C {\n  @Header('WWW-Authenticate', 'Bearer realm="api"')\n  @HttpCode(HttpStatus.UNAUTHORIZED)\n  @Get('login')\n  login() {}\n}\n`,
    // @Res() with Express's API
    controller(`    return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'missing token' });`).replace('me(@Req() req)', 'me(@Req() req, @Res() res: Response)'),
    controller(`    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    res.status(401).send();`).replace('me(@Req() req)', 'me(@Req() req, @Res() res)'),
    // ... and Fastify's
    controller(`    return reply.header('WWW-Authenticate', 'Bearer realm="api"').code(401).send();`).replace('me(@Req() req)', 'me(@Req() req, @Res() reply: FastifyReply)'),
    // A guard that sets the challenge on the response before throwing: Nest's filter keeps it
    guard(`    if (!req.headers.authorization) {\n      const res = context.switchToHttp().getResponse();\n      res.header('WWW-Authenticate', 'Bearer realm="api"');\n      throw new UnauthorizedException();\n    }\n    return true;`, `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';`),
    // NestMiddleware's res is Express's
    `import { Injectable, NestMiddleware } from '@nestjs/common';\n@Injectable()\nexport class AuthMiddleware implements NestMiddleware {\n  use(req, res, next) {\n    if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n    next();\n  }\n}\n`,
    // Decoys: tests that compare exceptions, statuses read, a res that is not injected
    `import { UnauthorizedException } from '@nestjs/common';\nit('rejects', async () => {\n  await expect(guard.canActivate(ctx)).rejects.toThrow(new UnauthorizedException());\n  expect(() => service.check()).toThrow(UnauthorizedException);\n});\n`,
    `import { Catch, HttpStatus, UnauthorizedException } from '@nestjs/common';\n@Catch()\nexport class F {\n  catch(exception, host) {\n    if (exception instanceof UnauthorizedException || exception.getStatus() === HttpStatus.UNAUTHORIZED) log(exception);\n  }\n}\n`,
    controller(`    const res = await fetch('/upstream');\n    if (res.status === 401) return null;\n    return helper.status(401);`),
    // An exception class of the same name not imported from Nest
    `import { Controller } from '@nestjs/common';\nimport { UnauthorizedException } from './errors';\nexport function check() {\n  throw new UnauthorizedException();\n}\n`,
    // A same-file exception filter applied to the controller or the handler adds the challenge
    filtered('UnauthorizedException', 'WWW-Authenticate', 'class'),
    filtered('', 'www-authenticate', 'method', '@UseFilters(new ChallengeFilter())'),
    filtered('HttpException', 'WWW-Authenticate', 'method'),
    // GraphQL resolvers answer exceptions with a GraphQL error in a 200 response
    `import { UnauthorizedException } from '@nestjs/common';\nimport { Context, Query, Resolver } from '@nestjs/graphql';\n@Resolver()\nexport class MeResolver {\n  @Query()\n  me(@Context() ctx) {\n    if (!ctx.req.user) throw new UnauthorizedException();\n  }\n}\n`,
    // Not a Nest file
    `class UnauthorizedException extends Error {}\nexport function check() {\n  throw new UnauthorizedException();\n}\n`,
    // A guard class whose handleRequest hands AuthGuard another error, or throws one of its own: read as written
    `import { ForbiddenException, Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class G extends AuthGuard('jwt') {\n  handleRequest(err, user, info, context) {\n    if (!user) err = new ForbiddenException();\n    return super.handleRequest(err, user, info, context);\n  }\n}\n`,
    `import { ForbiddenException, Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class G extends AuthGuard('jwt') {\n  handleRequest(err, user, info, context) {\n    return super.handleRequest(err ?? new ForbiddenException(), user, info, context);\n  }\n}\n`,
    // ... or lets anonymous callers in: a guest for a missing user, the base's throw caught
    `import { Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class OptionalAuth extends AuthGuard('jwt') {\n  handleRequest(err, user, info, context) {\n    return super.handleRequest(err, user ?? GUEST, info, context);\n  }\n}\n`,
    `import { Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class OptionalAuth extends AuthGuard('jwt') {\n  handleRequest(err, user, info, context) {\n    try {\n      return super.handleRequest(err, user, info, context);\n    } catch {\n      return null;\n    }\n  }\n}\n`,
    `import { ForbiddenException, Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class G extends AuthGuard('jwt') {\n  handleRequest(err, user, info, context) {\n    if (!user) throw new ForbiddenException();\n    return super.handleRequest(err, user, info, context);\n  }\n}\n`,
  ],
  invalid: [
    {
      name: 'a filter that catches other exceptions',
      code: filtered('ForbiddenException', 'WWW-Authenticate', 'method'),
      errors: [{ text: 'new UnauthorizedException()' }],
      output: null,
      fixUnavailable: EXCEPTION_FILTER,
    },
    {
      name: 'a filter that sets other headers',
      code: filtered('UnauthorizedException', 'Cache-Control', 'class'),
      errors: [{ text: 'new UnauthorizedException()' }],
      output: null,
      fixUnavailable: EXCEPTION_FILTER,
    },
    {
      name: 'a filter of the file that is not applied',
      code: filtered('UnauthorizedException', 'WWW-Authenticate', 'nowhere'),
      errors: [{ text: 'new UnauthorizedException()' }],
      output: null,
      fixUnavailable: EXCEPTION_FILTER,
    },
    {
      code: controller(`    if (!req.user) throw new UnauthorizedException('Missing token');`),
      errors: [{ text: `new UnauthorizedException('Missing token')` }],
      output: null,
      fixUnavailable: EXCEPTION_FILTER,
    },
    {
      code: controller(`    throw new HttpException({ error: 'missing token' }, HttpStatus.UNAUTHORIZED);`),
      errors: [{ text: `new HttpException({ error: 'missing token' }, HttpStatus.UNAUTHORIZED)` }],
      output: null,
      fixUnavailable: 'HttpException carries no headers',
    },
    {
      code: controller(`    throw new HttpException('Missing token', 401);`),
      errors: [{ text: `new HttpException('Missing token', 401)` }],
      output: null,
      fixUnavailable: EXCEPTION_FILTER,
    },
    {
      name: 'a guard that has the response: the header is set on it before the throw',
      code: guard(`    const res = context.switchToHttp().getResponse();\n    if (!req.headers.authorization) {\n      throw new UnauthorizedException();\n    }\n    return true;`, `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';`),
      errors: [{ text: 'new UnauthorizedException()' }],
      output: guard(`    const res = context.switchToHttp().getResponse();\n    if (!req.headers.authorization) {\n      res.header('WWW-Authenticate', 'Bearer realm="api"');\n      throw new UnauthorizedException();\n    }\n    return true;`, `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';`),
    },
    {
      name: '@nestjs/passport drops the strategy challenge: the 401 of handleRequest has none',
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class JwtAuthGuard extends AuthGuard('jwt') {\n  handleRequest(err, user) {\n    if (err || !user) throw err || new UnauthorizedException();\n    return user;\n  }\n}\n`,
      errors: [{ text: 'new UnauthorizedException()' }],
      output: null,
      fixUnavailable: EXCEPTION_FILTER,
    },
    {
      name: '@nestjs/passport: a handleRequest that passes the error on to AuthGuard leaves it the 401',
      code: `import { Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class ApiGuard extends AuthGuard(['jwt', 'api-key']) {\n  handleRequest(err, user, info, context) {\n    const named = user ? { ...user, id: user._id } : user;\n    log(named);\n    return super.handleRequest(err, named, info, context);\n  }\n}\n`,
      errors: [{ text: "AuthGuard(['jwt', 'api-key'])" }],
      output: null,
    },
    {
      name: '@nestjs/passport: strategies over several lines are reported on the name of the guard',
      code: `import { Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class ApiGuard extends AuthGuard([\n  Strategy.JWT,\n  Strategy.API_KEY,\n]) {}\n`,
      errors: [{ text: 'AuthGuard', occurrence: 1 }],
      output: null,
    },
    {
      name: '@nestjs/passport: a guard class that leaves handleRequest to AuthGuard sends its bare 401',
      code: `import { Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class JwtAuthGuard extends AuthGuard('jwt') {}\n`,
      errors: [{ text: "AuthGuard('jwt')" }],
      output: null,
    },
    {
      name: '@HttpCode without @Header: a @Header line above it',
      code: `${IMPORTS}\n@Controller()\nexport class C {\n  @Get('login')\n  @HttpCode(401)\n  login() {\n    return { error: 'log in' };\n  }\n}\n`,
      errors: [{ text: '@HttpCode(401)' }],
      output: `${IMPORTS}\n@Controller()\nexport class C {\n  @Get('login')\n  @Header('WWW-Authenticate', 'Bearer realm="api"')\n  @HttpCode(401)\n  login() {\n    return { error: 'log in' };\n  }\n}\n`,
    },
    {
      name: '@Header is added to the import when missing',
      code: `import { Controller, Get, HttpCode, HttpStatus } from '@nestjs/common';\n@Controller()\nexport class C {\n  @Get('login') @HttpCode(HttpStatus.UNAUTHORIZED)\n  login() {}\n}\n`,
      errors: [{ text: '@HttpCode(HttpStatus.UNAUTHORIZED)' }],
      output: `import { Controller, Get, HttpCode, HttpStatus, Header } from '@nestjs/common';\n@Controller()\nexport class C {\n  @Get('login') @Header('WWW-Authenticate', 'Bearer realm="api"') @HttpCode(HttpStatus.UNAUTHORIZED)\n  login() {}\n}\n`,
    },
    {
      name: '@Res() with Express: chained header',
      code: controller(`    if (!req.user) return res.status(401).json({ error: 'missing token' });`).replace('me(@Req() req)', 'me(@Req() req, @Res() res: Response)'),
      errors: [{ text: 'res.status(401)' }],
      output: controller(`    if (!req.user) return res.status(401).header('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'missing token' });`).replace('me(@Req() req)', 'me(@Req() req, @Res() res: Response)'),
    },
    {
      code: controller(`    return res.sendStatus(401);`).replace('me(@Req() req)', 'me(@Req() req, @Res({ passthrough: true }) res)'),
      errors: [{ text: 'res.sendStatus(401)' }],
      output: controller(`    return res.header('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`).replace('me(@Req() req)', 'me(@Req() req, @Res({ passthrough: true }) res)'),
    },
    {
      name: '@Res() with Fastify, the header on one branch only',
      code: controller(`    if (req.query.verbose) reply.header('WWW-Authenticate', 'Bearer realm="api"');\n    return reply.code(401).send();`).replace('me(@Req() req)', 'me(@Req() req, @Res() reply: FastifyReply)'),
      errors: [{ text: 'reply.code(401)' }],
      output: controller(`    if (req.query.verbose) reply.header('WWW-Authenticate', 'Bearer realm="api"');\n    return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send();`).replace('me(@Req() req)', 'me(@Req() req, @Res() reply: FastifyReply)'),
    },
    {
      code: `import { Injectable, NestMiddleware } from '@nestjs/common';\n@Injectable()\nexport class AuthMiddleware implements NestMiddleware {\n  use(req, res, next) {\n    if (!req.headers.authorization) return res.status(401).end();\n    next();\n  }\n}\n`,
      errors: [{ text: 'res.status(401)' }],
      output: `import { Injectable, NestMiddleware } from '@nestjs/common';\n@Injectable()\nexport class AuthMiddleware implements NestMiddleware {\n  use(req, res, next) {\n    if (!req.headers.authorization) return res.status(401).header('WWW-Authenticate', 'Bearer realm="api"').end();\n    next();\n  }\n}\n`,
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [controller(`    if (!req.user) throw new UnauthorizedException();`)],
  invalid: [
    {
      name: 'UnauthorizedException -> ForbiddenException, already imported',
      code: controller(`    if (!req.user.roles.includes('admin')) throw new UnauthorizedException('Admins only');`),
      errors: [{ text: `new UnauthorizedException('Admins only')`, messageIncludes: 'roles' }],
      output: controller(`    if (!req.user.roles.includes('admin')) throw new ForbiddenException('Admins only');`),
    },
    {
      name: 'ForbiddenException is added to the import',
      code: controller(`    if (!req.user.isAdmin) throw new UnauthorizedException();`, `import { Controller, Get, Req, UnauthorizedException } from '@nestjs/common';`),
      errors: [{ text: 'new UnauthorizedException()' }],
      output: controller(`    if (!req.user.isAdmin) throw new ForbiddenException();`, `import { Controller, Get, Req, UnauthorizedException, ForbiddenException } from '@nestjs/common';`),
    },
    {
      name: 'HttpStatus.UNAUTHORIZED -> HttpStatus.FORBIDDEN, with the status repeated in the body',
      code: controller(`    if (!req.user.permissions.includes('orders:write')) {\n      throw new HttpException({ statusCode: HttpStatus.UNAUTHORIZED, message: 'Insufficient permissions' }, HttpStatus.UNAUTHORIZED);\n    }`),
      errors: [{ text: `new HttpException({ statusCode: HttpStatus.UNAUTHORIZED, message: 'Insufficient permissions' }, HttpStatus.UNAUTHORIZED)` }],
      output: controller(`    if (!req.user.permissions.includes('orders:write')) {\n      throw new HttpException({ statusCode: HttpStatus.FORBIDDEN, message: 'Insufficient permissions' }, HttpStatus.FORBIDDEN);\n    }`),
    },
    {
      code: controller(`    if (!req.user.canExport) throw new HttpException('Not allowed', 401);`),
      errors: [{ text: `new HttpException('Not allowed', 401)` }],
      output: controller(`    if (!req.user.canExport) throw new HttpException('Not allowed', 403);`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [
    guard(`    if (!req.user.roles.includes('admin')) return false;\n    return true;`),
    // A guard that returns a computed value may return true
    guard(`    return Boolean(req.headers.authorization);`),
  ],
  invalid: [
    {
      // A 401 thrown from here would carry no challenge (missing-www-authenticate's finding next):
      // the fix says why instead of trading one finding for another.
      name: 'a guard that returns false for a missing token: no challenge can be written',
      code: guard(`    const token = req.headers.authorization;\n    if (!token) {\n      return false;\n    }\n    return true;`),
      errors: [{ text: 'return false', messageIncludes: '!token' }],
      output: null,
      fixUnavailable: 'WWW-Authenticate',
    },
    {
      name: 'ForbiddenException: the 401 could carry no challenge, so the fix says why',
      code: controller(`    if (!req.user) throw new ForbiddenException('Not logged in');`),
      errors: [{ text: `new ForbiddenException('Not logged in')` }],
      output: null,
      fixUnavailable: 'exception filter',
    },
    {
      name: 'a guard that has the response gets the rewrite and the header',
      code: guard(`    const res = context.switchToHttp().getResponse();\n    if (!req.headers.authorization) {\n      throw new ForbiddenException('Missing token');\n    }\n    return true;`, `import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';`),
      errors: [{ text: `new ForbiddenException('Missing token')` }],
      output: guard(`    const res = context.switchToHttp().getResponse();\n    if (!req.headers.authorization) {\n      res.header('WWW-Authenticate', 'Bearer realm="api"');\n      throw new UnauthorizedException('Missing token');\n    }\n    return true;`, `import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';`),
    },
  ],
});
