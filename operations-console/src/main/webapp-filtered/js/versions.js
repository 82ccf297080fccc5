// Filled in by the build (maven-war-plugin filtering): where the WebJars this module serves live.
export const SWAGGER_UI = 'webjars/swagger-ui/${version.swagger-ui}';
