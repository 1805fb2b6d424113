import { Controller, ForbiddenException, Get, Param, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

type Caller = { user?: { id: string; roles: string[] } };

@Controller('projects')
export class ProjectsController {
  @Get()
  list(@Req() request: Caller) {
    // The global filter adds the challenge: no finding about it here.
    if (!request.user) throw new UnauthorizedException('sign in');
    return [];
  }

  @Get(':id/settings')
  @UseGuards(AuthGuard('jwt'))
  settings(@Req() request: Caller, @Param('id') id: string) {
    if (!request.user?.roles.includes('owner')) throw new UnauthorizedException('owners only'); // expect: unauthorized-for-permission
    return { id };
  }

  @Get(':id/audit')
  audit(@Req() request: Caller) {
    if (!request.user) throw new ForbiddenException('sign in first'); // expect: forbidden-for-missing-credentials
    return [];
  }
}
