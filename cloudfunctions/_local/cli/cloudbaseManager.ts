/** The CloudBase management client for deploys, from TCB_ENV and the deployer's keys. */
import CloudBase from '@cloudbase/manager-node';

export function managerFromEnvironment(): CloudBase {
  const { TCB_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY } = process.env;
  if (!TCB_ENV || !TENCENTCLOUD_SECRETID || !TENCENTCLOUD_SECRETKEY) {
    throw new Error('Set TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (see README: Deploy to CloudBase).');
  }
  return new CloudBase({ envId: TCB_ENV, secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY });
}
