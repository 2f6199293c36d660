// Builds the task pane (loaded by Excel/WPS) and the workbench (the pane without Office) into dist/web.
const path = require('node:path');

const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { BundleSizesPlugin } = require('./scripts/bundle-sizes');

/** swc options for TypeScript; `tsx` is per rule because `<T>x` casts only parse in .ts files. */
function swcLoader(tsx) {
  return {
    loader: 'swc-loader',
    options: {
      jsc: {
        parser: { syntax: 'typescript', tsx },
        target: 'es2020',
        transform: { react: { runtime: 'automatic' } },
      },
    },
  };
}

/** @type {(env: unknown, argv: { mode?: 'production' | 'development' | 'none' }) => import('webpack').Configuration} */
module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      taskpane: './src/ui/taskpane/index.tsx',
      workbench: './src/workbench/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist/web'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: swcLoader(false) },
        { test: /\.tsx$/, exclude: /node_modules/, use: swcLoader(true) },
      ],
      // ExcelJS's browser build is already bundled and minified: include it as it is (much faster).
      noParse: /[\\/]exceljs[\\/]dist[\\/]/,
    },
    optimization: {
      // One small runtime file for both pages: a change in any chunk no longer rewrites the vendor-bearing entry files.
      runtimeChunk: 'single',
      // React and Fluent are shared by both pages: one cached vendor chunk instead of two copies.
      splitChunks: {
        // Initial chunks only: ExcelJS, loaded lazily by the workbench, stays in its own chunk.
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial' },
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async' },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/ui/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'workbench.html',
        template: './src/workbench/workbench.html',
        chunks: ['workbench'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          // The workbench's demo workbook (npm run examples builds it from the example ledger).
          { from: 'examples/demo-workbook.xlsx', to: 'demo-workbook.xlsx' },
          // No demo ERP by default; `npm start` overwrites it with the ERP's address.
          { from: 'src/workbench/workbench-config.json', to: 'workbench-config.json' },
          { from: 'assets', to: 'assets' },
          // The WPS add-in (ribbon.xml, index.html, main.js) in dist/web/wps, beside the pane it opens.
          { from: 'src/host/wps/addin', to: 'wps', globOptions: { ignore: ['**/*.ts'] } },
          // main.ts becomes the classic ES5 script WPS loads: callbacks are found by their global names.
          {
            from: 'src/host/wps/addin/main.ts',
            to: 'wps/main.js',
            transform: (content) =>
              require('typescript').transpileModule(content.toString(), {
                compilerOptions: { target: require('typescript').ScriptTarget.ES5, removeComments: false },
              }).outputText,
          },
        ],
      }),
      ...(production ? [new BundleSizesPlugin()] : []),
    ],
    performance: {
      // The pane's first load is ~1.03 MiB minified (~320 KiB gzip: React, Fluent UI, Dexie, the engine and
      // the bundled catalog; the other views load lazily). Warn when a page grows past 1.2 MiB.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1.2 * 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith('.js'),
    },
  };
};
