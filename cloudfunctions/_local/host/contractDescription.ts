/** GET /api/contract: every action with its function, roles and JSON Schemas. */
import { actionRoles } from '../../../src/shared/api/actionRoles';
import { contract, type ActionName } from '../../../src/shared/api/contract';
import { toJSONSchema } from '../../../src/shared/zod';

export interface ActionDescription {
  action: string;
  function: string;
  mutation: boolean;
  audience: string;
  roles: string;
  input: unknown;
  output: unknown;
}

let cached: { actions: ActionDescription[] } | undefined;

export function describeContract(): { actions: ActionDescription[] } {
  cached ??= {
    actions: (Object.keys(contract) as ActionName[]).sort().map((name) => {
      const spec = contract[name];
      return {
        action: name,
        function: spec.fn,
        mutation: spec.mutation,
        audience: spec.audience,
        roles: actionRoles[name],
        input: toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
        output: toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
      };
    }),
  };
  return cached;
}
