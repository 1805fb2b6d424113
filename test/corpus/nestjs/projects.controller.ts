// NestJS controller of a project-tracking API.
import {
  Controller,
  Delete,
  ForbiddenException,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProjectsService } from './projects.service';

@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  // Nest's UnauthorizedException carries no WWW-Authenticate header.
  @Get()
  async list(@Req() req: Request) {
    const user = await this.projects.userFor(req.headers.authorization);
    if (!user) {
      throw new UnauthorizedException(); // expect: missing-www-authenticate
    }
    return this.projects.list(user);
  }

  @Get(':id')
  async get(@Param('id') id: string, @Req() req: Request) {
    const user = await this.projects.userFor(req.headers.authorization);
    if (!user) {
      throw new HttpException('Unauthorized', HttpStatus.UNAUTHORIZED); // expect: missing-www-authenticate
    }
    return this.projects.get(id);
  }

  // With the platform response in hand, the header is set on it directly.
  @Get(':id/export')
  async export(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const user = await this.projects.userFor(req.headers.authorization);
    if (!user) {
      return res.status(401).set('WWW-Authenticate', 'Bearer realm="projects"').json({ message: 'login required' });
    }
    return res.json(await this.projects.export(id));
  }

  @Delete(':id')
  async remove(@Param('id') id: string, @Req() req: Request) {
    const user = await this.projects.userFor(req.headers.authorization);
    if (!user) {
      throw new UnauthorizedException('login required'); // expect: missing-www-authenticate
    }
    const project = await this.projects.get(id);
    if (project.ownerId !== user.id) {
      throw new UnauthorizedException('You do not have permission to delete this project'); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    return this.projects.remove(id);
  }

  @Post(':id/archive')
  async archive(@Param('id') id: string, @Req() req: Request) {
    const user = await this.projects.userFor(req.headers.authorization);
    if (!user) {
      throw new ForbiddenException('Invalid token'); // expect: forbidden-for-missing-credentials
    }
    if (!user.roles.includes('maintainer')) {
      throw new ForbiddenException('Maintainers only');
    }
    return this.projects.archive(id);
  }

  @Post(':id/transfer')
  async transfer(@Param('id') id: string, @Req() req: Request) {
    const user = await this.projects.userFor(req.headers.authorization);
    if (!user) {
      throw new HttpException({ message: 'Not logged in' }, HttpStatus.FORBIDDEN); // expect: forbidden-for-missing-credentials
    }
    return this.projects.transfer(id, user);
  }

  // A sign-out endpoint that answers 401 on purpose, with the challenge as a decorator.
  @Post('session/expire')
  @HttpCode(HttpStatus.UNAUTHORIZED)
  @Header('WWW-Authenticate', 'Bearer realm="projects", error="invalid_token"')
  expireSession() {
    return { message: 'session expired' };
  }

  @Post('session/revoke')
  @HttpCode(401) // expect: missing-www-authenticate
  revokeSession() {
    return { message: 'session revoked' };
  }
}
