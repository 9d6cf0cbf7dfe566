import { Body, Controller, Post } from '@nestjs/common';
import { Answers } from '@cws/platform';
import { SimulationOutputSchema } from '@cws/payroll-contracts';
import { ApiBadRequestResponse, ApiBody, ApiTags } from '@nestjs/swagger';
import { SIMULATION_EXAMPLE, SIMULATION_EXAMPLE_QUARTER } from '@cws/payroll-contracts';
import { CanRead } from '../common/access';
import { SimulationRequestDto } from './simulations.dto';
import { SimulationsService } from './simulations.service';

@ApiTags('simulations')
@Controller('v1/simulations')
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post()
  @CanRead()
  @Answers(
    SimulationOutputSchema,
    '个税试算（累计预扣与年终奖）',
    'What-if income tax: cumulative withholding month by month (and a year-end bonus), over the tax tables in force; no run is touched. Amounts are decimal strings with at most two places. Malformed input answers 400 VALIDATION_FAILED with details [{ path: "months[1].gross", issue }].',
  )
  @ApiBody({
    type: SimulationRequestDto,
    examples: {
      official: { summary: 'One month of the official worked example (tax 555.00) and a 36,000 bonus taxed separately (1,080.00)', value: SIMULATION_EXAMPLE },
      firstQuarter: { summary: 'The official worked example over a quarter: Jan 555.00, Feb 625.00, Mar 1,850.00', value: SIMULATION_EXAMPLE_QUARTER },
      midYearHire: {
        summary: 'A hire in October: the basic deduction counts only the months employed',
        value: { year: 2026, months: [10, 11, 12].map((month) => ({ month, gross: '12000.00', employeeInsurance: '2100.00', specialDeductions: '0.00' })) },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming each field at fault' })
  simulate(@Body() body: SimulationRequestDto) {
    return this.simulations.simulate(body);
  }
}
