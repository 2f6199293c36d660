/**
 * A query the OData layer cannot answer: 400 for a malformed or invalid one, 501 for valid OData
 * this demo does not implement. Thrown while parsing and compiling; the route turns it into the
 * OData error body, with `target` naming the query option.
 */
export class ODataFailure extends Error {
  constructor(
    readonly status: 400 | 501,
    message: string,
    readonly target: string,
  ) {
    super(message);
    this.name = 'ODataFailure';
  }
}

export const badQuery = (target: string, message: string): ODataFailure => new ODataFailure(400, message, target);
export const notImplemented = (target: string, message: string): ODataFailure => new ODataFailure(501, message, target);
