import { imageLabel, type Rule } from '../rule';

export const swarmNoSuitableNode: Rule = {
  id: 'swarm-no-suitable-node',
  severity: 'warning',
  summary: 'No Swarm node of the inventory satisfies the service\'s placement constraints.',
  description: 'With targets imported from `docker node inspect`, each target is a Swarm node with its labels. A service whose `deploy.placement.constraints` exclude every node is never scheduled: Swarm reports "no suitable node (scheduling constraints not satisfied on N nodes)" (DCLI, SWK). Check the constraints against the nodes\' labels.',
  fixes: [],
  checkImage(ctx) {
    const { use, config } = ctx;
    if (use.orchestrator !== 'compose' || !use.placement.swarm?.length || ctx.judgements.length || !config.targets.some((t) => t.labels)) return [];
    return [{ message: `${imageLabel(ctx)}: no node of the configured Swarm (${config.targets.map((t) => t.name).join(', ')}) satisfies ${use.placement.swarm.map((c) => `\`${c.key} ${c.op} ${c.value}\``).join(' and ')}; the service would stay at 0 replicas.` }];
  },
};
