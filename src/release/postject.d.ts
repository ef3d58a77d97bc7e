/** postject ships no types; this is the one function vaultbridge calls (postject/dist/api.js). */
declare module "postject" {
  export interface InjectOptions {
    /** The fuse string the target binary carries; Node's is NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2. */
    readonly sentinelFuse?: string;
    /** Mach-O only: the segment to add (Node wants NODE_SEA). */
    readonly machoSegmentName?: string;
    readonly overwrite?: boolean;
  }
  export function inject(filename: string, resourceName: string, resourceData: Buffer, options?: InjectOptions): Promise<void>;
}
