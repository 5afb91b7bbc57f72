/**
 * The EC2 part of the demo. On the emulator: a VPC and subnet, instances, references,
 * filters, batch actions and waiters. On AWS it only reads (nothing is launched).
 */
import { code, note, part, show, step } from './print.mjs';

/** An AMI id moto runs (any id is accepted there); never used on AWS. */
const EMULATOR_AMI = 'ami-12c6146b';

export async function tourEC2({ lib, target, counter }) {
  const { EC2 } = lib.ec2;
  part('Amazon EC2 — aws-resources/ec2');
  const ec2 = new EC2(target.config('ec2'));
  counter.watch(ec2.meta.client);
  try {
    if (target.aws) await readOnly(ec2, counter);
    else await launchAndStop(ec2, counter);
  } finally {
    ec2.meta.client.destroy();
  }
}

async function readOnly(ec2, counter) {
  step('Your VPCs and instances (read only)');
  code('for await (const vpc of ec2.vpcs.all().limit(5))');
  for await (const vpc of ec2.vpcs.all().limit(5)) {
    show('', `${vpc.id}  ${await vpc.cidrBlock}  default: ${await vpc.isDefault}`);
  }
  code(
    "ec2.instances.filter({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }).limit(5)",
  );
  const running = ec2.instances.filter({
    Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
  });
  let seen = 0;
  for await (const instance of running.limit(5)) {
    seen += 1;
    show('', `${instance.id}  ${await instance.instanceType}  in ${(await instance.vpc)?.id}`);
  }
  if (seen === 0) show('', '(no running instances)');
  counter.print();
}

async function launchAndStop(ec2, counter) {
  let vpc;
  try {
    step('A VPC and a subnet');
    code("const vpc = await ec2.createVpc({ CidrBlock: '10.0.0.0/16' });");
    vpc = await ec2.createVpc({ CidrBlock: '10.0.0.0/16' });
    code("const subnet = await vpc.createSubnet({ CidrBlock: '10.0.1.0/24' });");
    const subnet = await vpc.createSubnet({ CidrBlock: '10.0.1.0/24' });
    show('', [vpc, subnet]);
    counter.print();

    step('Launch three instances, tagged');
    code(
      'const instances = await subnet.createInstances({ ImageId, MinCount: 3, MaxCount: 3, TagSpecifications: [env=demo] });',
    );
    const instances = await subnet.createInstances({
      ImageId: EMULATOR_AMI,
      InstanceType: 't3.micro',
      MinCount: 3,
      MaxCount: 3,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'env', Value: 'demo' }] }],
    });
    show('', instances);
    code(
      '[await first.instanceType, (await first.state).Name];   // from RunInstances: no request',
    );
    const [first] = instances;
    show('', [await first.instanceType, (await first.state).Name]);
    code('(await first.vpc).id;   // a reference built from the data');
    show('', (await first.vpc).id);
    counter.print();

    step('Filters and batch actions');
    code(
      "const demo = vpc.instances.filter({ Filters: [{ Name: 'tag:env', Values: ['demo'] }] });",
    );
    const demo = vpc.instances.filter({ Filters: [{ Name: 'tag:env', Values: ['demo'] }] });
    code('await demo.limit(2).toArray();');
    show('', await demo.limit(2).toArray());
    note('EC2 takes MaxResults from 5: limit(2) asks for 5 and yields 2');
    code('await demo.stop();   // one StopInstances per page');
    const outputs = await demo.stop();
    for (const change of outputs.flatMap((o) => o.StoppingInstances ?? [])) {
      show(
        '',
        `${change.InstanceId}: ${change.PreviousState?.Name} → ${change.CurrentState?.Name}`,
      );
    }
    counter.print();

    step('Waiters keep their answer as the data');
    code('await first.waitUntilStopped({ minDelay: 1, maxWaitTime: 60 });');
    await first.waitUntilStopped({ minDelay: 1, maxWaitTime: 60 });
    code('first.data.State.Name;');
    show('', first.data.State.Name);
    counter.print();

    step('Terminate them all');
    code('await demo.terminate();');
    await demo.terminate();
    counter.print();
  } finally {
    if (vpc) {
      step('Clean up');
      code(
        'for (const subnet of await vpc.subnets.toArray()) await subnet.delete(); await vpc.delete();',
      );
      for (const subnet of await vpc.subnets.toArray()) await subnet.delete();
      await vpc.delete();
      counter.print();
    }
  }
}
