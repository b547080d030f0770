package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.Bulwark;
import dev.bulwark.runtime.Mode;
import java.util.Map;

/**
 * The protected build of the same function: the unchanged {@link ShopHandler} behind
 * bulwark-runtime in block mode (environment variables and {@code bulwark.json} may add more).
 * The alternative without any code is the wrapper class: Handler {@code
 * dev.bulwark.runtime.BulwarkHandler::handleRequest} with {@code BULWARK_HANDLER=com.example.shop.ShopHandler}.
 */
public class ProtectedShopHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final RequestHandler<Map<String, Object>, Map<String, Object>> PROTECTED =
      Bulwark.protect(new ShopHandler()).fromEnvironment().mode(Mode.BLOCK).build();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return PROTECTED.handleRequest(event, context);
  }
}
