/**
 * What creating a Lambda function on the emulator needs: an IAM role that exists there and
 * a deployment package (a zip whose index.handler returns its event).
 */
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';

const ROLE_NAME = 'aws-resources-demo';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** The ARN of the demo's role on the emulator `config` points at (made on first use). */
export async function emulatorRole(config) {
  const iam = new IAMClient(config);
  try {
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: ROLE_NAME, AssumeRolePolicyDocument: TRUST }),
    );
    return Role.Arn;
  } catch (error) {
    if (error.name !== 'EntityAlreadyExists' && error.name !== 'EntityAlreadyExistsException') {
      throw error;
    }
    return (await iam.send(new GetRoleCommand({ RoleName: ROLE_NAME }))).Role.Arn;
  } finally {
    iam.destroy();
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip (one stored entry, index.js) whose handler returns its event. */
export function tinyZip(source = 'exports.handler = async (event) => event;\n') {
  const name = Buffer.from('index.js');
  const data = Buffer.from(source);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const localSize = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(localSize, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
